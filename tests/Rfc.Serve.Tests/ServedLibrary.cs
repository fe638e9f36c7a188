using System.Net;
using System.Text;
using Microsoft.Data.Sqlite;
using Rfc.Cli;
using Rfc.Testing;

namespace Rfc.Serve.Tests;

/// <summary>
/// One library, filled the way a user fills theirs (rfc sync and rfc N from a loopback server holding corpus documents
/// and a hostile one), served by <see cref="RfcServer"/> on a free loopback port. Shared by the HTTP and browser tests.
/// </summary>
public sealed class ServedLibrary : IAsyncLifetime
{
    /// <summary>HTTP's lineage and what it cites: enough for banners, links between documents and a real mirror.</summary>
    public static readonly int[] CorpusNumbers = [2068, 2119, 2616, 3986, 7230, 7231, 7232, 7233, 7234, 7235, 8174, 9110, 9111, 9112];

    /// <summary>A document whose text holds markup that must render as text.</summary>
    public const int Hostile = 99999;

    public static readonly string HostileText = """
        RFC 99999                  Hostile Examples                  April 2026


        1.  Introduction

           An example: <script>alert(1)</script> and <img src=x onerror=alert(2)>
           with "quotes", 'apostrophes' & ampersands.  See Section 2 and
           [RFC2119].

        2.  References

           [RFC2119]  Bradner, S., "Key words for use in RFCs to Indicate
                      Requirement Levels", BCP 14, RFC 2119, March 1997.

        """.Replace("\r\n", "\n", StringComparison.Ordinal);

    private readonly TemporaryDirectory _home = new("rfc-serve-home-");
    private readonly TemporaryDirectory _origin = new("rfc-serve-origin-");
    private RfcClient? _client;

    public string? SkipReason { get; private set; }

    internal RfcServer Server { get; private set; } = null!;

    public Uri BaseUri => Server.BaseUri;

    /// <summary>The store being served.</summary>
    public string Home => _home.Path;

    /// <summary>The index file the store synced, as it was served to it.</summary>
    public string IndexPath => Path.Combine(_origin.Path, "rfc-index.txt");

    /// <summary>How many entries the synced index lists (one per corpus document).</summary>
    public int IndexEntries { get; private set; }

    /// <summary>The log lines the server wrote.</summary>
    public StringWriter Log { get; } = new() { NewLine = "\n" };

    public Uri Url(string pathAndQuery) => new(BaseUri, pathAndQuery);

    public async ValueTask InitializeAsync()
    {
        if (CorpusLocator.Root is null)
        {
            SkipReason = $"the shared RFC corpus was not found (set {CorpusLocator.EnvironmentVariable} or place it at ../shared/corpus)";
            return;
        }

        foreach (int number in CorpusNumbers)
        {
            File.Copy(CorpusLocator.RfcPath(number)!, Path.Combine(_origin.Path, $"rfc{number}.txt"));
        }

        IndexEntries = CorpusIndex.WriteFiltered(CorpusLocator.IndexPath("rfc-index.txt")!, _origin.Path, IndexPath);
        await File.WriteAllTextAsync(Path.Combine(_origin.Path, $"rfc{Hostile}.txt"), HostileText, TestContext.Current.CancellationToken);
        File.Copy(Path.Combine(CorpusLocator.Root!, "errata", "errata.json"), Path.Combine(_origin.Path, "errata.json"));

        await using (KestrelServer origin = await KestrelServer.ServeFolderAsync(_origin.Path))
        {
            Dictionary<string, string> environment = new() { ["RFC_HOME"] = Home, ["RFC_SOURCE"] = origin.BaseUri + "rfc{n}.txt" };
            (int sync, _, string syncError) = await Cli.RunAsync(["sync", "--index-url", origin.BaseUri + "rfc-index.txt", "--errata-url", origin.BaseUri + "errata.json"], environment);
            Assert.True(sync == 0, syncError);
            (int get, _, string getError) = await Cli.RunAsync([.. CorpusNumbers.Select(n => n.ToString()), Hostile.ToString(), "--no-pager"], environment);
            Assert.True(get == 0, getError);

            // The full-text index up to date before any test searches, so no search pays for building it.
            (int index, _, string indexError) = await Cli.RunAsync(["index"], environment);
            Assert.True(index == 0, indexError);
        }

        _client = new RfcClient(new RfcClientOptions { StoreDirectory = Home });
        Server = await RfcServer.StartAsync(_client, new RfcServerOptions { Listen = new IPEndPoint(IPAddress.Loopback, 0), Log = TextWriter.Synchronized(Log) }, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (Server is not null)
        {
            await Server.StopAsync();
            await Server.DisposeAsync();
        }

        if (_client is not null)
        {
            await _client.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        _home.Dispose();
        _origin.Dispose();
    }

    /// <summary>Skips the calling test when the library could not be built.</summary>
    public void RequireCorpus()
    {
        if (SkipReason is { } reason)
        {
            Assert.Skip(reason);
        }
    }
}

/// <summary>Runs rfc in-process with an explicit environment.</summary>
public static class Cli
{
    public static async Task<(int ExitCode, byte[] Stdout, string Stderr)> RunAsync(string[] args, IReadOnlyDictionary<string, string> environment)
    {
        using MemoryStream stdout = new();
        using StringWriter stderr = new() { NewLine = "\n" };
        CliContext context = new(stdout, stderr, false, name => environment.GetValueOrDefault(name));
        int code = await RfcApp.RunAsync(args, context, TestContext.Current.CancellationToken);
        return (code, stdout.ToArray(), stderr.ToString());
    }

    public static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes);
}

[CollectionDefinition(Name)]
public sealed class ServedLibraryCollection : ICollectionFixture<ServedLibrary>
{
    public const string Name = "served library";
}
