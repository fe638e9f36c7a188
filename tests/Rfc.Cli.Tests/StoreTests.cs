using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Rfc.Storage;
using Rfc.Testing;

namespace Rfc.Cli.Tests;

/// <summary>rfc N with the local store: cached reads without network, --offline, --refresh, damage.</summary>
public sealed class StoreTests : IDisposable
{
    private readonly TemporaryDirectory _temporary = new("rfc-home-");

    public void Dispose() => _temporary.Dispose();

    private string Home => _temporary.Path;

    private Dictionary<string, string> Environment => _temporary.StoreEnvironment;

    [Fact]
    public async Task Get_ServesSecondReadFromStore_WithoutNetwork()
    {
        byte[] document = SyntheticDocuments.All["latin1"];
        string source;
        await using (KestrelServer server = await KestrelServer.StartAsync(context => KestrelServer.WriteBodyAsync(context, document, chunked: false)))
        {
            source = server.BaseUri + "rfc{n}.txt";
            CliResult first = await CliRunner.RunAsync(["2324", "--source", source], Environment);
            Assert.Equal(0, first.ExitCode);
        }

        // The server is gone: only the store can answer, and a trace shows no layer below the document.
        CliResult second = await CliRunner.RunAsync(["2324", "--trace", "--source", source], Environment);

        Assert.Equal(0, second.ExitCode);
        Assert.Equal(document, second.Stdout);
        Assert.All(second.StderrLines, line => Assert.Contains(" doc ", line));
    }

    [Fact]
    public async Task Get_ExitsNotFound_WhenOfflineAndNotStored()
    {
        using ClosedPort closed = ClosedPort.Open();
        CliResult result = await CliRunner.RunAsync(["2324", "--offline", "--source", $"http://127.0.0.1:{closed.Port}/"], Environment);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["rfc: error: RFC 2324 is not in the local store (--offline forbids fetching it; run without --offline to fetch it)"], result.StderrLines);
    }

    [Fact]
    public async Task Get_Refresh_KeepsStoredText_OnNotModified()
    {
        List<string?> conditions = [];
        await using KestrelServer server = await KestrelServer.StartAsync(context =>
        {
            string? ifNoneMatch = context.Request.Headers.IfNoneMatch;
            conditions.Add(ifNoneMatch);
            if (ifNoneMatch == "\"v1\"")
            {
                context.Response.StatusCode = 304;
                return Task.CompletedTask;
            }

            context.Response.Headers.ETag = "\"v1\"";
            return context.Response.WriteAsync("version one\n");
        });
        string source = server.BaseUri + "rfc{n}.txt";

        await CliRunner.RunAsync(["2324", "--source", source], Environment);
        CliResult refreshed = await CliRunner.RunAsync(["2324", "--refresh", "--source", source], Environment);

        Assert.Equal(0, refreshed.ExitCode);
        Assert.Equal("version one\n", Encoding.ASCII.GetString(refreshed.Stdout));
        Assert.Equal([null, "\"v1\""], conditions);
    }

    [Fact]
    public async Task Get_Refresh_ReplacesStoredText_WhenChanged()
    {
        int version = 1;
        await using KestrelServer server = await KestrelServer.StartAsync(context =>
        {
            context.Response.Headers.ETag = $"\"v{version}\"";
            return context.Response.WriteAsync($"version {version}\n");
        });
        string source = server.BaseUri + "rfc{n}.txt";

        await CliRunner.RunAsync(["2324", "--source", source], Environment);
        version = 2;
        CliResult cached = await CliRunner.RunAsync(["2324", "--source", source], Environment);
        CliResult refreshed = await CliRunner.RunAsync(["2324", "--refresh", "--source", source], Environment);
        CliResult offline = await CliRunner.RunAsync(["2324", "--offline"], Environment);

        Assert.Equal("version 1\n", Encoding.ASCII.GetString(cached.Stdout));
        Assert.Equal("version 2\n", Encoding.ASCII.GetString(refreshed.Stdout));
        Assert.Equal("version 2\n", Encoding.ASCII.GetString(offline.Stdout));
    }

    [Fact]
    public async Task Get_NeverStoresErrorPages()
    {
        await using KestrelServer server = await KestrelServer.StartAsync(context =>
        {
            context.Response.StatusCode = 503;
            return context.Response.WriteAsync("<html>maintenance</html>");
        });

        CliResult failed = await CliRunner.RunAsync(["2324", "--source", server.BaseUri + "rfc{n}.txt"], Environment);
        CliResult offline = await CliRunner.RunAsync(["2324", "--offline"], Environment);

        Assert.Equal(4, failed.ExitCode);
        Assert.Equal(1, offline.ExitCode);
    }

    [Fact]
    public async Task Get_ExitsLocal_WithWhatToDo_WhenStoreIsDamaged()
    {
        await File.WriteAllTextAsync(Path.Combine(Home, RfcStore.FileName), new string('x', 8192), TestContext.Current.CancellationToken);

        CliResult result = await CliRunner.RunAsync(["2324", "--offline"], Environment);

        Assert.Equal(5, result.ExitCode);
        Assert.Single(result.StderrLines);
        Assert.StartsWith($"rfc: error: the store at {Path.Combine(Home, RfcStore.FileName)} is damaged (", result.StderrLines[0]);
        Assert.EndsWith("move it away or delete it and rfc will start a new one", result.StderrLines[0]);
    }

    [Fact]
    public async Task Executable_KilledMidRun_LeavesOnlyWholeDocuments()
    {
        // The server answers 40 requests and holds the 41st: rfc reads documents one after another, storing each
        // before asking for the next, so the kill lands mid-run whatever the machine's speed.
        static byte[] Body(int n) => Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat($"RFC {n} line\n", 2000 + n)));
        using ServerGate gate = new(after: 40);
        await using KestrelServer server = await KestrelServer.StartAsync(async context =>
        {
            int n = int.Parse(context.Request.Path.Value!["/rfc".Length..^".txt".Length]);
            await gate.PassAsync();
            await KestrelServer.WriteBodyAsync(context, Body(n), chunked: true);
        });
        ProcessStartInfo start = new(RfcExecutable.Path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in Enumerable.Range(1, 400).Select(n => n.ToString()).Append("--source").Append(server.BaseUri + "rfc{n}.txt"))
        {
            start.ArgumentList.Add(argument);
        }

        ChildEnvironment.Apply(start, new Dictionary<string, string> { ["RFC_HOME"] = Home });
        using Process process = Process.Start(start)!;
        _ = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null, TestContext.Current.CancellationToken);
        await gate.Reached.WaitAsync(TestContext.Current.CancellationToken);

        process.Kill(); // SIGKILL: no cleanup runs.
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        gate.Open();

        using RfcStore store = RfcStore.Open(Home);
        using (SqliteConnection check = new($"Data Source={store.DatabasePath};Pooling=False"))
        {
            check.Open();
            using SqliteCommand integrity = check.CreateCommand();
            integrity.CommandText = "PRAGMA integrity_check;";
            Assert.Equal("ok", integrity.ExecuteScalar());
        }

        IReadOnlyList<StoredDocumentInfo> stored = store.ListDocuments();
        Assert.NotEmpty(stored);
        Assert.True(stored.Count < 400, "the process was killed before it finished");
        Assert.All(stored, info =>
        {
            StoredDocument document = store.GetDocument(info.Number)!;
            Assert.Equal(Body(info.Number.Value), document.Content);
            Assert.Equal(RfcStore.Hash(document.Content), document.Sha256);
        });
    }
}
