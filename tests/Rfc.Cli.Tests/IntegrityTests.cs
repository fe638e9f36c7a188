using System.Text;
using Microsoft.Data.Sqlite;
using Rfc.Storage;
using Rfc.Testing;

namespace Rfc.Cli.Tests;

/// <summary>A stored document whose bytes changed under it: found on read and by 'rfc cache verify', repaired by --refresh.</summary>
public sealed class IntegrityTests : IDisposable
{
    private static readonly byte[] s_document = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("The coffee pot is brewing.\n", 40)));

    private readonly TemporaryDirectory _temporary = new("rfc-home-");

    public void Dispose() => _temporary.Dispose();

    private string Home => _temporary.Path;

    private Dictionary<string, string> Environment => _temporary.StoreEnvironment;

    private string DatabasePath => Path.Combine(Home, RfcStore.FileName);

    private void Corrupt(int number)
    {
        using SqliteConnection connection = new($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using SqliteCommand command = connection.CreateCommand();
        // One byte changed, the recorded SHA-256 kept: what a bad disk or a stray write does.
        command.CommandText = "UPDATE documents SET content = CAST(replace(CAST(content AS TEXT), 'coffee', 'coffea') AS BLOB) WHERE number = $n;";
        command.Parameters.AddWithValue("$n", number);
        Assert.Equal(1, command.ExecuteNonQuery());
    }

    [Fact]
    public async Task CorruptedDocument_ExitsFiveOnRead_IsReportedByVerify_AndRefreshRepairsIt()
    {
        await using KestrelServer server = await KestrelServer.StartAsync(context => KestrelServer.WriteBodyAsync(context, s_document, chunked: false));
        string source = server.BaseUri + "rfc{n}.txt";
        Assert.Equal(0, (await CliRunner.RunAsync(["2324", "--source", source, "--no-pager"], Environment)).ExitCode);
        Corrupt(2324);

        CliResult offline = await CliRunner.RunAsync(["2324", "--offline", "--no-pager"], Environment);
        CliResult verify = await CliRunner.RunAsync(["cache", "verify", "--offline"], Environment);
        CliResult refresh = await CliRunner.RunAsync(["2324", "--refresh", "--source", source, "--no-pager"], Environment);
        CliResult after = await CliRunner.RunAsync(["2324", "--offline", "--no-pager"], Environment);
        CliResult verified = await CliRunner.RunAsync(["cache", "verify", "--offline"], Environment);

        Assert.Equal(5, offline.ExitCode);
        Assert.Empty(offline.Stdout);
        Assert.Equal("rfc: error: the stored copy of RFC 2324 does not match its SHA-256 checksum (the local store is damaged; fetch it again with 'rfc 2324 --refresh')\n", offline.Stderr);
        Assert.Equal(5, verify.ExitCode);
        Assert.StartsWith("documents: 1 checked, 1 damaged, 0 repaired, 1 not repairable\n", Encoding.UTF8.GetString(verify.Stdout));
        Assert.StartsWith("rfc: cache verify: RFC 2324 fails its SHA-256 check; fetching it again is not allowed offline", verify.Stderr);
        Assert.Equal(0, refresh.ExitCode);
        Assert.Equal(s_document, refresh.Stdout);
        Assert.Equal(0, after.ExitCode);
        Assert.Equal(s_document, after.Stdout);
        Assert.Equal(0, verified.ExitCode);
        Assert.StartsWith("documents: 1 checked, 0 damaged, 0 repaired, 0 not repairable\n", Encoding.UTF8.GetString(verified.Stdout));
    }

    [Fact]
    public async Task CacheVerify_FetchesDamagedDocumentsAgain_AndRebuildsADamagedIndexShard()
    {
        await using KestrelServer server = await KestrelServer.StartAsync(context => KestrelServer.WriteBodyAsync(context, s_document, chunked: false));
        string source = server.BaseUri + "rfc{n}.txt";
        Assert.Equal(0, (await CliRunner.RunAsync(["2324", "7168", "--source", source, "--no-pager"], Environment)).ExitCode);
        Assert.Equal(0, (await CliRunner.RunAsync(["index"], Environment)).ExitCode);
        Corrupt(7168);
        string shard = Directory.GetFiles(Directory.GetDirectories(Home, "fulltext-*").Single(), "shard-0.db").Single();
        SqliteConnection.ClearAllPools();
        await File.WriteAllBytesAsync(shard, Encoding.ASCII.GetBytes("this is not a database"), TestContext.Current.CancellationToken);

        CliResult verify = await CliRunner.RunAsync(["cache", "verify", "--source", source], Environment);
        CliResult search = await CliRunner.RunAsync(["search", "--full-text", "\"coffee pot\""], Environment);

        Assert.True(verify.ExitCode == 0, verify.Stderr);
        Assert.Equal(
            "documents: 2 checked, 1 damaged, 1 repaired, 0 not repairable\nrepaired: RFC 7168 (fetched again)\nfull-text index: 1 damaged shard rebuilt, 2 documents re-indexed or dropped\n",
            Encoding.UTF8.GetString(verify.Stdout));
        Assert.Equal(0, search.ExitCode);
        Assert.Equal(["2324", "7168"], Encoding.UTF8.GetString(search.Stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')[0]).Order());
    }
}
