using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Data.Sqlite;
using Rfc.Testing;

namespace Rfc.Cli.Tests;

/// <summary>
/// Every row of the error reporter once more through the executable users run: CI sets <c>RFC_EXECUTABLE</c> to the
/// NativeAOT binary, where the platform's messages are resource keys, so these lines prove rfc builds its own. Each
/// asserts the exact stderr and exit code.
/// </summary>
public sealed class ShippedErrorTests : IAsyncLifetime
{
    private const string Usage = "usage: rfc [options] <rfc>... | rfc <command> [options]  (try 'rfc --help')";

    private readonly TemporaryDirectory _home = new("rfc-home-");
    private IndexServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await IndexServer.StartSyntheticAsync();

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _home.Dispose();
    }

    private Dictionary<string, string> Environment => new() { ["RFC_HOME"] = _home.Path, ["RFC_INDEX_URL"] = _server.IndexUrl(), ["RFC_SOURCE"] = _server.Source };

    private async Task<RfcExecutable.Result> RunAsync(params string[] args) =>
        await RfcExecutable.RunAsync(args, Environment, TestContext.Current.CancellationToken);

    private async Task SyncAsync() => Assert.Equal(0, (await RunAsync("sync")).ExitCode);

    private static void AssertError(RfcExecutable.Result result, int code, params string[] lines)
    {
        Assert.Equal(string.Concat(lines.Select(l => l + "\n")), result.Stderr);
        Assert.Equal(code, result.ExitCode);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public async Task Usage_InvalidNumberAndSource_Exit2()
    {
        AssertError(await RunAsync("abc"), 2, "rfc: error: must supply an RFC number as the first argument, e.g. `rfc 2324` ('abc' is not one)", Usage);
        AssertError(await RunAsync("1", "--source", "ftp://x/"), 2, "rfc: error: source 'ftp://x/' uses the scheme 'ftp'; only http and https are supported", Usage);
    }

    [Fact]
    public async Task NotFound_Http404_NotStored_NoIndex_NoDocuments_Exit1()
    {
        AssertError(await RunAsync("9999"), 1, $"rfc: error: RFC 9999 was not found at {_server.Source.Replace("{n}", "9999", StringComparison.Ordinal)} (HTTP 404 Not Found)");
        AssertError(await RunAsync("2324", "--offline"), 1, "rfc: error: RFC 2324 is not in the local store (--offline forbids fetching it; run without --offline to fetch it)");
        AssertError(await RunAsync("info", "9110"), 1, "rfc: error: the local RFC index is empty (run 'rfc sync' first to download the RFC index)");
        AssertError(await RunAsync("search", "--full-text", "coffee"), 1, "rfc: error: no documents are stored to search (read some with 'rfc N' first)");
    }

    [Fact]
    public async Task NotFound_NotIssued_NotInIndex_NoSubseries_NoSection_Exit1()
    {
        await SyncAsync();
        Assert.Equal(0, (await RunAsync("2324")).ExitCode);

        AssertError(await RunAsync("14"), 1, "rfc: error: RFC 14 was never issued (the RFC Editor's index lists the number as \"Not Issued\")");
        AssertError(await RunAsync("info", "4000"), 1, "rfc: error: RFC 4000 is not in the local index (it may be newer than the last sync; run 'rfc sync' to update it)");
        AssertError(await RunAsync("fyi1"), 1, "rfc: error: FYI 1 is not in the local RFC index (no RFC is part of it; run 'rfc sync' to update the index)");
        AssertError(await RunAsync("2324", "--section", "9.9"), 1, "rfc: error: RFC 2324 has no section '9.9' (see its sections with 'rfc 2324 --toc')");
    }

    [Fact]
    public async Task Usage_MalformedSearchQuery_Exit2()
    {
        await SyncAsync();

        RfcExecutable.Result result = await RunAsync("search", "\"unterminated");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("rfc: error: the search query '\"unterminated' is not valid FTS5 syntax", result.Stderr, StringComparison.Ordinal);
        Assert.EndsWith(Usage + "\n", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_NoMatch_Exit1_OverlongQueryAndBadNumbers_Exit2()
    {
        await SyncAsync();

        AssertError(await RunAsync("search", "qqxzv"), 1, "rfc: error: no RFC in the index matches 'qqxzv' (try fewer or other words, or 'rfc sync' for a newer index)");
        AssertError(await RunAsync("search", new string('a', 1001)), 2, "rfc: error: the search query is 1001 characters long; at most 1000 are searched (shorten it)", Usage);
        AssertError(await RunAsync("search", "http", "--since", "soon"), 2, "rfc: error: --since takes a year such as 2020, not 'soon'", Usage);
        AssertError(await RunAsync("search", "http", "--limit", "many"), 2, "rfc: error: --limit takes a number of results from 1 to 1000, not 'many'", Usage);
    }

    [Fact]
    public async Task Protocol_IndexUnavailableOrInvalid_Exit4()
    {
        AssertError(await RunAsync("sync", "--index-url", _server.IndexUrl("missing.xml")), 4, $"rfc: error: {_server.IndexUrl("missing.xml")} answered HTTP 404 Not Found instead of the RFC index (check --index-url or RFC_INDEX_URL)");
        await using IndexServer garbage = await IndexServer.StartAsync(_ => "<rfc-index><rfc-entry>"u8.ToArray(), _ => null);
        AssertError(await RunAsync("sync", "--index-url", garbage.IndexUrl()), 4, $"rfc: error: the index from {garbage.IndexUrl()} is not well-formed XML (line 1, column 23) (check --index-url or RFC_INDEX_URL)");
    }

    [Fact]
    public async Task Protocol_UnexpectedStatus_Exit4()
    {
        await using KestrelServer server = await KestrelServer.StartAsync(context =>
        {
            context.Response.StatusCode = 503;
            return Task.CompletedTask;
        });

        AssertError(await RunAsync("2324", "--source", server.BaseUri + "rfc{n}.txt"), 4, $"rfc: error: {server.BaseUri}rfc2324.txt answered HTTP 503 Service Unavailable instead of the document");
    }

    [Fact]
    public async Task Network_RefusedAndReadTimeout_Exit3()
    {
        using ClosedPort closed = ClosedPort.Open();
        int port = closed.Port;
        await using ScriptedTcpServer stalling = ScriptedTcpServer.Start(async (stream, _, token) =>
        {
            await stream.WriteAsync("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly a little"u8.ToArray(), token);
            await Task.Delay(Timeout.Infinite, token);
        });

        AssertError(await RunAsync("2324", "--source", $"http://127.0.0.1:{port}/"), 3, $"rfc: error: connection refused by 127.0.0.1:{port} (ECONNREFUSED)");
        AssertError(await RunAsync("2324", "--timeout", "0.3", "--source", stalling.BaseUri.ToString()), 3, $"rfc: error: 127.0.0.1:{stalling.Port} sent nothing for 0.3 s (read timeout; raise it with --timeout)");
    }

    [Fact]
    public async Task Local_ChecksumMismatch_Exit5()
    {
        Assert.Equal(0, (await RunAsync("2324")).ExitCode);
        using (SqliteConnection connection = new($"Data Source={Path.Combine(_home.Path, "rfc.db")};Pooling=False"))
        {
            connection.Open();
            using SqliteCommand damage = connection.CreateCommand();
            damage.CommandText = "UPDATE documents SET content = $c WHERE number = 2324;";
            damage.Parameters.AddWithValue("$c", Encoding.ASCII.GetBytes("not what was stored\n"));
            Assert.Equal(1, damage.ExecuteNonQuery());
        }

        AssertError(await RunAsync("2324", "--offline"), 5, "rfc: error: the stored copy of RFC 2324 does not match its SHA-256 checksum (the local store is damaged; fetch it again with 'rfc 2324 --refresh')");
        Assert.Equal(0, (await RunAsync("2324", "--refresh")).ExitCode);
    }

    [Fact]
    public async Task Local_StandardOutputOnAFullDisk_Exit5_AndTheDocumentIsStoredAllTheSame()
    {
        await SyncAsync();
        const string Full = "rfc: error: standard output could not be written: No space left on device (errno 28) (check where it is redirected)";

        RfcExecutable.Result fetched = await RunToAsync("/dev/full", "2324");
        RfcExecutable.Result cached = await RunToAsync("/dev/full", "2324", "--offline");
        RfcExecutable.Result search = await RunToAsync("/dev/full", "search", "coffee");

        // Before, the read said nothing and exited 0 (its "the reader went away" catch took the full disk for a pager
        // that quit), and the search printed the platform's type and HResult.
        AssertError(fetched, 5, Full);
        AssertError(cached, 5, Full);
        AssertError(search, 5, Full);
        Assert.Equal(Encoding.UTF8.GetBytes(SyntheticIndex.Documents[2324]), (await RunAsync("2324", "--offline")).Stdout);
    }

    [Fact]
    public async Task Success_StandardOutputWhoseReaderIsGone_EndsNormally_WithoutAnError()
    {
        await SyncAsync();

        RfcExecutable.Result read = await RunToClosedPipeAsync("2324");
        RfcExecutable.Result search = await RunToClosedPipeAsync("search", "coffee");

        Assert.All([read, search], result =>
        {
            Assert.Equal("", result.Stderr);
            Assert.Equal(0, result.ExitCode);
        });
    }

    /// <summary>Runs rfc with its standard output opened on <paramref name="path"/> (by sh, as <c>rfc ... &gt; path</c>).</summary>
    private async Task<RfcExecutable.Result> RunToAsync(string path, params string[] args) =>
        await RfcExecutable.RunWrappedAsync(["sh", "-c", "exec \"$@\" > \"$RFC_TEST_OUTPUT\"", "sh"], args, new Dictionary<string, string>(Environment) { ["RFC_TEST_OUTPUT"] = path }, TestContext.Current.CancellationToken);

    /// <summary>Runs rfc with its standard output on a pipe whose reading end was closed before rfc started: every write fails with EPIPE.</summary>
    private async Task<RfcExecutable.Result> RunToClosedPipeAsync(params string[] args) =>
        await RfcExecutable.RunWrappedAsync(["python3", "-c", "import os, sys; r, w = os.pipe(); os.close(r); os.dup2(w, 1); os.execvp(sys.argv[1], sys.argv[1:])"], args, Environment, TestContext.Current.CancellationToken);

    [Theory]
    [InlineData("http")]
    [InlineData("socket")]
    public async Task Usage_UnusableCaFileAndProxyVariable_Exit2(string transport)
    {
        using ClosedPort closed = ClosedPort.Open();
        Dictionary<string, string> proxied = new(Environment) { ["http_proxy"] = "ftp://user:secret@x" };

        AssertError(await RunAsync("2324", "--transport", transport, "--ca-file", "/etc/passwd", "--source", $"https://127.0.0.1:{closed.Port}/"), 2,
            "rfc: error: cannot load CA file '/etc/passwd': not a PEM or DER certificate (check --ca-file or RFC_CA_FILE)");
        AssertError(await RfcExecutable.RunAsync(["2324", "--transport", transport, "--source", "http://origin.invalid/rfc{n}.txt"], proxied, TestContext.Current.CancellationToken), 2,
            "rfc: error: invalid proxy URL in http_proxy: 'ftp://user:***@x' (unsupported proxy scheme 'ftp'; only http:// proxies are supported) (fix or unset http_proxy)");
    }

    [Theory]
    [InlineData("http")]
    [InlineData("socket")]
    public async Task Protocol_ProxyDemandsCredentials_Exit4(string transport)
    {
        await using ScriptedTcpServer proxy = ScriptedTcpServer.Respond(
            "HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"rfc\"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray());
        Dictionary<string, string> proxied = new(Environment) { ["http_proxy"] = $"http://127.0.0.1:{proxy.Port}" };

        RfcExecutable.Result result = await RfcExecutable.RunAsync(["2324", "--transport", transport, "--source", "http://origin.invalid/rfc{n}.txt"], proxied, TestContext.Current.CancellationToken);

        AssertError(result, 4, $"rfc: error: proxy 127.0.0.1:{proxy.Port} requires authentication (HTTP 407)");
    }

    // Issue 9: HttpClient's handshake was timed by the response-head deadline, not the connect timeout.
    [Theory]
    [InlineData("http")]
    [InlineData("socket")]
    public async Task Network_TlsPortThatStaysSilent_Exit3_HandshakeTimedOut(string transport)
    {
        await using ScriptedTcpServer silent = ScriptedTcpServer.Start((_, _, token) => Task.Delay(Timeout.Infinite, token));

        RfcExecutable.Result result = await RunAsync("2324", "--transport", transport, "--connect-timeout", "0.5", "--source", $"https://127.0.0.1:{silent.Port}/");

        AssertError(result, 3, "rfc: error: TLS handshake with 127.0.0.1 timed out after 0.5 s (raise it with --connect-timeout)");
    }

    [Theory]
    [InlineData("http")]
    [InlineData("socket")]
    public async Task Network_ServerThatDoesNotSpeakTls_Exit3_InOurOwnWords(string transport)
    {
        // A plain HTTP server that answers as soon as it accepts, before reading anything: the handshake reads an
        // HTTP status line where a ServerHello should be.
        using TcpListener plain = new(IPAddress.Loopback, 0);
        plain.Start();
        int port = ((IPEndPoint)plain.LocalEndpoint).Port;
        using CancellationTokenSource stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        Task answering = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using TcpClient client = await plain.AcceptTcpClientAsync(stop.Token);
                await client.GetStream().WriteAsync("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray(), stop.Token);
            }
        }, stop.Token);

        RfcExecutable.Result result = await RunAsync("2324", "--transport", transport, "--source", $"https://127.0.0.1:{port}/");
        await stop.CancelAsync();

        AssertError(result, 3, "rfc: error: TLS handshake with 127.0.0.1 failed: protocol error (the server may not speak TLS on this port, or offers no protocol version or cipher suite rfc accepts)");
    }

    [Fact]
    public async Task Success_FromServer_ThenCached_ThenOffline()
    {
        byte[] expected = Encoding.UTF8.GetBytes(SyntheticIndex.Documents[2324]);

        RfcExecutable.Result fetched = await RunAsync("2324");
        int requests = _server.DocumentRequests;
        RfcExecutable.Result cached = await RunAsync("2324");
        using ClosedPort closed = ClosedPort.Open();
        RfcExecutable.Result offline = await RunAsync("2324", "--offline", "--source", $"http://127.0.0.1:{closed.Port}/");

        Assert.All([fetched, cached, offline], result =>
        {
            Assert.Equal(0, result.ExitCode);
            Assert.Equal(expected, result.Stdout);
            Assert.Equal("", result.Stderr);
        });
        Assert.Equal(1, requests);
        Assert.Equal(1, _server.DocumentRequests);
    }
}
