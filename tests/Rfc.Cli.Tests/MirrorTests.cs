using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Rfc.Documents;
using Rfc.Storage;
using Rfc.Testing;

namespace Rfc.Cli.Tests;

/// <summary>rfc mirror against local servers: whole runs, resumption, faults, revalidation.</summary>
public sealed class MirrorTests : IDisposable
{
    private readonly TemporaryDirectory _temporary = new("rfc-home-");

    public void Dispose()
    {
        _index?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _temporary.Dispose();
    }

    private string Home => _temporary.Path;

    private KestrelServer? _index;

    private Dictionary<string, string> Environment
    {
        get
        {
            Dictionary<string, string> environment = _temporary.StoreEnvironment;
            if (_index is not null)
            {
                environment["RFC_INDEX_URL"] = _index.BaseUri + "rfc-index.txt";
            }

            return environment;
        }
    }

    /// <summary>
    /// Serves a text index (the RFC Editor's format) listing <paramref name="first"/> to <paramref name="last"/>,
    /// with <paramref name="notIssued"/> marked "Not Issued" and <paramref name="pdfOnly"/> in PDF only.
    /// </summary>
    private async Task ServeIndexAsync(int first, int last, int[]? notIssued = null, int[]? pdfOnly = null)
    {
        StringBuilder index = new("RFC INDEX\n\n");
        for (int n = first; n <= last; n++)
        {
            index.Append(notIssued?.Contains(n) == true
                ? $"{n} Not Issued.\n\n"
                : $"{n} Synthetic Document Number {n}. A. Author. April 2000. (Format: {(pdfOnly?.Contains(n) == true ? "PDF" : "TXT")}) (Status: INFORMATIONAL) (DOI: 10.17487/RFC{n:D4})\n\n");
        }

        byte[] bytes = Encoding.UTF8.GetBytes(index.ToString());
        _index = await KestrelServer.StartAsync(context => KestrelServer.WriteBodyAsync(context, bytes, chunked: false));
    }


    private static byte[] Body(int n) => Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat($"RFC {n}: a synthetic document line\n", 50 + (n % 97))));

    private static int NumberOf(HttpContext context) => int.Parse(Path.GetFileNameWithoutExtension(context.Request.Path.Value!)[3..]);

    private void AssertStored(int first, int last)
    {
        using RfcStore store = RfcStore.Open(Home);
        Assert.Equal(last - first + 1, store.ListDocuments().Count);
        for (int n = first; n <= last; n++)
        {
            StoredDocument document = store.GetDocument(new RfcNumber(n))!;
            Assert.Equal(Body(n), document.Content);
            Assert.Equal(RfcStore.Hash(Body(n)), document.Sha256);
        }
    }

    [Theory]
    [InlineData("http")]
    [InlineData("socket")]
    public async Task Mirror_StoresEveryDocument_OverAtMostJobsConnections(string transport)
    {
        await using KestrelServer server = await KestrelServer.StartAsync(context =>
        {
            context.Response.Headers.ETag = $"\"{NumberOf(context)}\"";
            return KestrelServer.WriteBodyAsync(context, Body(NumberOf(context)), chunked: NumberOf(context) % 2 == 0);
        });

        await ServeIndexAsync(1, 300);

        CliResult result = await CliRunner.RunAsync(["mirror", "--from", "1", "--to", "300", "--jobs", "6", "--transport", transport, "--source", server.BaseUri + "rfc{n}.txt"], Environment);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.StartsWith("rfc: mirror: 300 documents: 300 fetched, 0 unchanged, 0 failed, 300 indexed; ", result.StderrLines[^1]);
        Assert.Equal(300, server.Requests);
        // The server counts accepted TCP connections, used or not: one transport for the whole run (built once, however the
        // workers race to start) and at most one connection per job on either transport.
        Assert.InRange(server.Connections, 1, 6);
        AssertStored(1, 300);
    }

    [Fact]
    public async Task Mirror_SecondRun_TransfersNothing_AndRefreshOnlyRevalidates()
    {
        ConcurrentBag<string?> conditions = [];
        await using KestrelServer server = await KestrelServer.StartAsync(context =>
        {
            string etag = $"\"{NumberOf(context)}\"";
            conditions.Add(context.Request.Headers.IfNoneMatch);
            if (context.Request.Headers.IfNoneMatch == etag)
            {
                context.Response.StatusCode = 304;
                return Task.CompletedTask;
            }

            context.Response.Headers.ETag = etag;
            return KestrelServer.WriteBodyAsync(context, Body(NumberOf(context)), chunked: false);
        });
        await ServeIndexAsync(1, 120);
        string[] args = ["mirror", "--from", "1", "--to", "120", "--transport", "socket", "--source", server.BaseUri + "rfc{n}.txt"];

        await CliRunner.RunAsync(args, Environment);
        int afterFirst = server.Requests;
        CliResult second = await CliRunner.RunAsync(args, Environment);
        int afterSecond = server.Requests;
        CliResult refreshed = await CliRunner.RunAsync([.. args, "--refresh", "--json"], Environment);

        Assert.Equal(120, afterFirst);
        Assert.Equal(afterFirst, afterSecond);
        Assert.StartsWith("rfc: mirror: 120 documents: 0 fetched, 120 unchanged, 0 failed, 0 indexed; 0.0 MiB", second.StderrLines[^1]);
        Assert.Equal(0, refreshed.ExitCode);
        using JsonDocument json = JsonDocument.Parse(refreshed.Stdout);
        Assert.Equal(120, json.RootElement.GetProperty("unchanged").GetInt32());
        Assert.Equal(0, json.RootElement.GetProperty("fetched").GetInt32());
        Assert.Equal(0, json.RootElement.GetProperty("bytes").GetInt64());
        Assert.Equal(120, conditions.Count(c => c is not null && c.StartsWith('"')));
        AssertStored(1, 120);
    }

    [Fact]
    public async Task Mirror_RetriesUnavailableAndResetConnections_AndReportsWhatStillFails()
    {
        ConcurrentDictionary<int, int> attempts = new();
        await using KestrelServer server = await KestrelServer.StartAsync(context =>
        {
            int n = NumberOf(context);
            int attempt = attempts.AddOrUpdate(n, 1, (_, a) => a + 1);
            if (n == 13)
            {
                context.Response.StatusCode = 503; // Always down: reported after the retries.
                context.Response.Headers.RetryAfter = "0";
                return Task.CompletedTask;
            }

            if (n % 10 == 0 && attempt == 1)
            {
                context.Response.StatusCode = 503;
                context.Response.Headers.RetryAfter = "0";
                return Task.CompletedTask;
            }

            if (n % 7 == 0 && attempt == 1)
            {
                context.Abort(); // A reset mid-exchange.
                return Task.CompletedTask;
            }

            if (n % 11 == 0 && attempt == 1)
            {
                context.Response.StatusCode = 429;
                context.Response.Headers.RetryAfter = "1";
                return Task.CompletedTask;
            }

            return KestrelServer.WriteBodyAsync(context, Body(n), chunked: false);
        });

        await ServeIndexAsync(1, 80);

        CliResult result = await CliRunner.RunAsync(["mirror", "--from", "1", "--to", "80", "--transport", "socket", "--source", server.BaseUri + "rfc{n}.txt"], Environment);

        Assert.Equal(4, result.ExitCode);
        Assert.Contains($"rfc: mirror: RFC 13 failed: {server.BaseUri}rfc13.txt answered HTTP 503 Service Unavailable instead of the document", result.StderrLines);
        Assert.StartsWith("rfc: mirror: 80 documents: 79 fetched, 0 unchanged, 1 failed, 79 indexed; ", result.StderrLines[^1]);
        Assert.Equal(4, attempts[13]);
        Assert.Equal(2, attempts[70]);
        using RfcStore store = RfcStore.Open(Home);
        Assert.Equal(79, store.ListDocuments().Count);
        Assert.Null(store.GetDocument(new RfcNumber(13)));
    }

    [Fact]
    public async Task Mirror_KilledMidRun_ResumesWithoutLossOrDuplicates()
    {
        using ServerGate gate = new(after: 300);
        await using KestrelServer server = await KestrelServer.StartAsync(async context =>
        {
            await gate.PassAsync();
            await KestrelServer.WriteBodyAsync(context, Body(NumberOf(context)), chunked: true);
        });
        await ServeIndexAsync(1, 1500);
        string[] args = ["mirror", "--source", server.BaseUri + "rfc{n}.txt"];
        ProcessStartInfo start = new(RfcExecutable.Path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in args)
        {
            start.ArgumentList.Add(argument);
        }

        ChildEnvironment.Apply(start, Environment);
        using (Process process = Process.Start(start)!)
        {
            _ = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            // The server has answered 300 requests and holds every later one: the run is mid-way, whatever the speed.
            await gate.Reached.WaitAsync(TestContext.Current.CancellationToken);
            await WaitForStoredAsync(1);
            process.Kill(); // SIGKILL
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        gate.Open();

        int storedAfterKill;
        using (RfcStore store = RfcStore.Open(Home))
        {
            storedAfterKill = store.ListDocuments().Count;
            Assert.All(store.ListDocuments(), info => Assert.Equal(Body(info.Number.Value), store.GetDocument(info.Number)!.Content));
        }

        // The resumed run marks its requests: requests the killed run had sent may still reach the handler after
        // the kill (the server reads what the socket already holds), so counting requests since a moment is racy.
        CliResult resumed = await CliRunner.RunAsync(["mirror", "--source", server.BaseUri + "rfc{n}.txt?run=2"], Environment);

        Assert.InRange(storedAfterKill, 1, 300);
        Assert.Equal(0, resumed.ExitCode);
        Assert.StartsWith($"rfc: mirror: 1500 documents: {1500 - storedAfterKill} fetched, {storedAfterKill} unchanged, 0 failed", resumed.StderrLines[^1]);
        Assert.Equal(1500 - storedAfterKill, server.Paths.Count(p => p.EndsWith("?run=2", StringComparison.Ordinal)));
        AssertStored(1, 1500);
    }

    [Fact]
    public async Task Mirror_CtrlC_EndsQuietlyWith130_AndClosesTheStoreCleanly()
    {
        await ServeIndexAsync(1, 600);
        using ServerGate gate = new(after: 100);
        await using KestrelServer server = await GatedServerAsync(gate);

        // A real SIGINT to the shipped binary, as Ctrl+C in a terminal sends, while the server holds requests 101 on.
        RfcExecutable.Result interrupted = await RfcExecutable.RunAsync(
            ["mirror", "--source", server.BaseUri + "rfc{n}.txt"],
            Environment,
            async process =>
            {
                await gate.Reached.WaitAsync(TestContext.Current.CancellationToken);
                await WaitForStoredAsync(1);
                await RfcExecutable.SignalAsync(process, "INT", TestContext.Current.CancellationToken);
            },
            TestContext.Current.CancellationToken);
        gate.Open();

        // A process the signal killed also reports 130 (128 + SIGINT); one that handled it closed its store, and
        // SQLite's last close checkpoints the write-ahead log and deletes it.
        Assert.Equal(130, interrupted.ExitCode);
        Assert.DoesNotContain("error", interrupted.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Home, RfcStore.FileName + "-wal")), "rfc.db-wal is left: the store was not closed");
        using RfcStore store = RfcStore.Open(Home);
        Assert.InRange(store.ListDocuments().Count, 1, 100);
        Assert.All(store.ListDocuments(), info => Assert.Equal(Body(info.Number.Value), store.GetDocument(info.Number)!.Content));
    }

    [Fact]
    public async Task Mirror_SyncsFirst_AndSkipsNotIssuedAndPdfOnlyRfcs_WithoutRequests()
    {
        await ServeIndexAsync(1, 40, notIssued: [14, 26], pdfOnly: [8, 9]);
        await using KestrelServer server = await KestrelServer.StartAsync(context => KestrelServer.WriteBodyAsync(context, Body(NumberOf(context)), chunked: false));

        CliResult result = await CliRunner.RunAsync(["mirror", "--source", server.BaseUri + "rfc{n}.txt"], Environment);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal($"rfc: mirror: no index yet; syncing it from {_index!.BaseUri}rfc-index.txt", result.StderrLines[0]);
        Assert.StartsWith("rfc: mirror: 36 documents: 36 fetched, 0 unchanged, 0 failed, 36 indexed; ", result.StderrLines[^1]);
        Assert.Equal(36, server.Requests);
        Assert.DoesNotContain("/rfc14.txt", server.Paths);
        Assert.DoesNotContain("/rfc8.txt", server.Paths);
    }

    [Fact]
    public async Task Mirror_LimitsToRange_OfIndexedRfcs()
    {
        await ServeIndexAsync(1, 100);
        await using KestrelServer server = await KestrelServer.StartAsync(context => KestrelServer.WriteBodyAsync(context, Body(NumberOf(context)), chunked: false));

        CliResult result = await CliRunner.RunAsync(["mirror", "--from", "90", "--to", "150", "--source", server.BaseUri + "rfc{n}.txt"], Environment);

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("rfc: mirror: 11 documents: 11 fetched", result.StderrLines[^1]);
        AssertStored(90, 100);
    }

    [Fact]
    public async Task Mirror_Interrupted_ExitsQuietly_KeepingWholeDocuments_AndResumes()
    {
        await ServeIndexAsync(1, 600);
        using ServerGate gate = new(after: 100);
        await using KestrelServer server = await GatedServerAsync(gate);
        string[] args = ["mirror", "--transport", "socket", "--source", server.BaseUri + "rfc{n}.txt"];
        using CancellationTokenSource interrupt = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        Task<CliResult> running = CliRunner.RunCancellableAsync(args, Environment, terminal: false, interrupt.Token);
        await gate.Reached.WaitAsync(TestContext.Current.CancellationToken);
        await WaitForStoredAsync(1);

        await interrupt.CancelAsync(); // What Ctrl+C does.
        CliResult interrupted = await running;
        gate.Open();
        int kept;
        using (RfcStore store = RfcStore.Open(Home))
        {
            kept = store.ListDocuments().Count;
            Assert.All(store.ListDocuments(), info => Assert.Equal(Body(info.Number.Value), store.GetDocument(info.Number)!.Content));
        }

        CliResult resumed = await CliRunner.RunAsync(args, Environment);

        Assert.Equal(130, interrupted.ExitCode);
        Assert.DoesNotContain("error", interrupted.Stderr);
        Assert.InRange(kept, 1, 100);
        Assert.StartsWith($"rfc: mirror: 600 documents: {600 - kept} fetched, {kept} unchanged, 0 failed", resumed.StderrLines[^1]);
        AssertStored(1, 600);
    }

    [Fact]
    public async Task Mirror_KilledAtRandomPointsWhileIndexing_KeepsWholeDocumentsAndAnIndexOfOnlyThem_ThenCompletesBoth()
    {
        // The server answers the first `allowed` requests, then holds every later one until the process is
        // killed: the kill lands while fetching, committing and indexing are all in flight, gated on a request
        // count, not a sleep.
        int allowed = 0;
        TaskCompletionSource reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        TaskCompletionSource release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        int served = 0;
        await using KestrelServer server = await KestrelServer.StartAsync(async context =>
        {
            if (Interlocked.Increment(ref served) > Volatile.Read(ref allowed))
            {
                reached.TrySetResult();
                await release.Task;
            }

            await KestrelServer.WriteBodyAsync(context, Body(NumberOf(context)), chunked: false);
        });
        await ServeIndexAsync(1, 1500);
        string[] args = ["mirror", "--source", server.BaseUri + "rfc{n}.txt"];
        Random random = new(20261201);
        for (int run = 0; run < 3; run++)
        {
            Volatile.Write(ref served, 0);
            Volatile.Write(ref allowed, random.Next(50, 400));
            using (Process process = Process.Start(MirrorProcess(args))!)
            {
                _ = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
                await Task.WhenAny(reached.Task, process.WaitForExitAsync(TestContext.Current.CancellationToken));
                process.Kill(); // SIGKILL: no cleanup runs.
                await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            }

            release.TrySetResult();
            reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
            release = new(TaskCreationOptions.RunContinuationsAsynchronously);
            using RfcStore store = RfcStore.Open(Home);
            IReadOnlyList<StoredDocumentInfo> stored = store.ListDocuments();
            Assert.All(stored, info => Assert.Equal(Body(info.Number.Value), store.GetDocument(info.Number)!.Content));
            HashSet<int> numbers = [.. stored.Select(i => i.Number.Value)];
            Assert.All(store.FullTextPending(), pending => Assert.Contains(pending.Value, numbers)); // nothing indexed that is not stored
        }

        Volatile.Write(ref allowed, int.MaxValue);
        CliResult resumed = await CliRunner.RunAsync(args, Environment);

        Assert.Equal(0, resumed.ExitCode);
        AssertStored(1, 1500);
        using (RfcStore store = RfcStore.Open(Home))
        {
            Assert.Empty(store.FullTextPending());
            FullTextHit hit = Assert.Single(store.SearchDocuments("\"RFC 1234\"", 10));
            Assert.Equal(1234, hit.Number.Value);
        }
    }

    private ProcessStartInfo MirrorProcess(string[] args)
    {
        ProcessStartInfo start = new(RfcExecutable.Path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in args)
        {
            start.ArgumentList.Add(argument);
        }

        ChildEnvironment.Apply(start, Environment);
        return start;
    }

    // Issue 11 item 5: an endless body in every worker used to grow to the 64 MiB cap in each (1 GB with 6 jobs,
    // 4 GB with 64). One budget for the whole process now stops the bodies in flight at 128 MiB together.
    [Fact]
    public async Task Mirror_BoundsBodiesInFlightTogether_WhenEveryDocumentIsEndless()
    {
        byte[] block = new byte[64 * 1024];
        Array.Fill(block, (byte)'x');

        // The four bodies grow in lockstep, a block each before any gets another, so they reach the shared budget
        // together (about 32 MiB each), far below each document's own 64 MiB cap. Unpaced, on a loaded machine one
        // body could outrun the others to its own cap and fail for that instead (seen once in a full test run).
        int arrived = 0;
        TaskCompletionSource all = new(TaskCreationOptions.RunContinuationsAsynchronously);
        using Barrier lockstep = new(0);
        await using KestrelServer server = await KestrelServer.StartAsync(async context =>
        {
            CancellationToken aborted = context.RequestAborted;
            lockstep.AddParticipant();
            try
            {
                if (Interlocked.Increment(ref arrived) == 4)
                {
                    all.TrySetResult();
                }

                await all.Task.WaitAsync(TimeSpan.FromSeconds(30), aborted);
                while (!aborted.IsCancellationRequested)
                {
                    await context.Response.Body.WriteAsync(block, aborted);
                    await Task.Run(() => lockstep.SignalAndWait(aborted), aborted);
                }
            }
            finally
            {
                lockstep.RemoveParticipant();
            }
        });
        await ServeIndexAsync(1, 4);

        // In a process of its own: the budget is the process's, and in the test process the fetches of other test
        // classes, running in parallel, share it and fail while this test holds it full (CI saw a fixture's fetch of
        // RFC 2616 refused so).
        RfcExecutable.Result result = await RfcExecutable.RunAsync(["mirror", "--from", "1", "--to", "4", "--jobs", "4", "--transport", "socket", "--source", server.BaseUri + "rfc{n}.txt"], Environment, TestContext.Current.CancellationToken);
        string[] stderr = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(4, result.ExitCode);
        Assert.True(stderr.Any(line => line.EndsWith(": the documents being read at once passed the 128 MiB memory budget", StringComparison.Ordinal)), result.Stderr);
        Assert.StartsWith("rfc: mirror: 4 documents: 0 fetched, 0 unchanged, 4 failed, 0 indexed; ", stderr[^1]);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("65")]
    public async Task Mirror_ExitsUsage_WhenJobsIsOutsideOneTo64(string jobs)
    {
        using ClosedPort closed = ClosedPort.Open();

        CliResult result = await CliRunner.RunAsync(["mirror", "--jobs", jobs, "--source", $"http://127.0.0.1:{closed.Port}/"], Environment);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"rfc: error: --jobs must be between 1 and 64, not {jobs}", result.StderrLines[0]);
    }

    /// <summary>A server that answers each document's request with its body once <paramref name="gate"/> lets the request through.</summary>
    private static Task<KestrelServer> GatedServerAsync(ServerGate gate) => KestrelServer.StartAsync(async context =>
    {
        await gate.PassAsync();
        await KestrelServer.WriteBodyAsync(context, Body(NumberOf(context)), chunked: false);
    });

    /// <summary>Waits until the store holds at least <paramref name="count"/> documents (a condition, not a duration).</summary>
    private async Task WaitForStoredAsync(int count)
    {
        while (true)
        {
            using (RfcStore store = RfcStore.Open(Home))
            {
                if (store.ListDocuments().Count >= count)
                {
                    return;
                }
            }

            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
    }
}
