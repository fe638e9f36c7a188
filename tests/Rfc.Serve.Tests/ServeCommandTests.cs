using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Rfc.Testing;

namespace Rfc.Serve.Tests;

/// <summary>
/// <c>rfc serve</c> as a command: its address, its errors and exit codes, its log, and a graceful stop. In-process the
/// tests run rfc-serve's own entry point (rfc serve replaces the process with it); the executable tests go through
/// the real rfc, which must find rfc-serve beside it.
/// </summary>
public sealed class ServeCommandTests : IDisposable
{
    private readonly TemporaryDirectory _home = new("rfc-serve-cli-");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _home.Dispose();
    }

    [Theory]
    [InlineData("127.0.0.1:8080", "127.0.0.1:8080")]
    [InlineData("[::1]:8080", "[::1]:8080")]
    [InlineData("0.0.0.0:80", "0.0.0.0:80")]
    public void ListenAddress_ParsesIpLiteralsAndPorts(string text, string expected)
    {
        Assert.True(ListenAddress.TryParse(text, out IPEndPoint? endPoint, out _));

        Assert.Equal(expected, ListenAddress.Format(endPoint));
    }

    [Theory]
    [InlineData("localhost:8080", "--listen 'localhost:8080': 'localhost' is not an IP address (rfc serve listens on an address, not a host name)")]
    [InlineData("127.0.0.1", "--listen '127.0.0.1': give an address and a port, such as 127.0.0.1:8080, [::1]:8080 or 0.0.0.0:8080")]
    [InlineData("127.0.0.1:0", "--listen '127.0.0.1:0': '0' is not a port number (1 to 65535)")]
    [InlineData("::1:8080", "--listen '::1:8080': write an IPv6 address in brackets, such as [::1]:8080")]
    public async Task Serve_RefusesABadAddress_WithUsageExit(string listen, string message)
    {
        var (code, stderr) = await ServeAsync(["--listen", listen]);

        Assert.Equal(2, code);
        Assert.Equal($"rfc: error: {message}", stderr.Split('\n')[0]);
    }

    [Fact]
    public async Task Executable_RefusesABadAddress_ThroughRfcServe()
    {
        RfcExecutable.Result result = await RfcExecutable.RunAsync(["serve", "--listen", "localhost:8080"], _home.StoreEnvironment, TestContext.Current.CancellationToken);

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.Equal("rfc: error: --listen 'localhost:8080': 'localhost' is not an IP address (rfc serve listens on an address, not a host name)", result.Stderr.Split('\n')[0]);
    }

    [Fact]
    public async Task Serve_RefusesAnUnknownArgument_WithUsageExit()
    {
        var (code, stderr) = await ServeAsync(["--port", "80"]);

        Assert.Equal(2, code);
        Assert.Equal("rfc: error: Unrecognized command or argument '--port'.", stderr.Split('\n')[0]);
    }

    [Fact]
    public async Task Serve_ExitsWithNetworkError_WhenThePortIsInUse()
    {
        using Socket taken = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        taken.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        taken.Listen();
        string address = taken.LocalEndPoint!.ToString()!;

        var (code, stderr) = await ServeAsync(["--listen", address]);

        Assert.Equal(3, code);
        Assert.Equal($"rfc: error: cannot listen on {address}: the address is already in use (choose another address or port with --listen)\n", stderr);
    }

    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("::1", false)]
    [InlineData("0.0.0.0", true)]
    public async Task Serve_AnswersUntilInterrupted_ThenStopsWithSuccess(string address, bool notice)
    {
        IPAddress ip = IPAddress.Parse(address);
        int port = FreePort(IPAddress.IsLoopback(ip) ? ip : IPAddress.Loopback);
        string listen = new IPEndPoint(ip, port).ToString();
        using CancellationTokenSource interrupt = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        using StringWriter stderr = new() { NewLine = "\n" };
        TextWriter log = TextWriter.Synchronized(stderr);
        Dictionary<string, string> environment = _home.StoreEnvironment;

        Task<int> run = ServeProgram.RunAsync(["--listen", listen], log, name => environment.GetValueOrDefault(name), interrupt.Token);
        string local = IPAddress.IsLoopback(ip) ? listen : $"127.0.0.1:{port}";
        using HttpClient http = new();
        HttpResponseMessage? response = null;
        for (int attempt = 0; attempt < 200 && response is null && !run.IsCompleted; attempt++)
        {
            try
            {
                response = await http.GetAsync($"http://{local}/", TestContext.Current.CancellationToken);
            }
            catch (HttpRequestException)
            {
                await Task.Delay(50, TestContext.Current.CancellationToken); // Polling for the listener, not timing anything.
            }
        }

        await interrupt.CancelAsync();
        int code = await run;

        Assert.Equal(HttpStatusCode.OK, response?.StatusCode);
        Assert.Equal(0, code);
        string[] lines = stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(notice, lines.Any(l => l.StartsWith("rfc: notice: listening on 0.0.0.0:", StringComparison.Ordinal)));
        Assert.Contains($"rfc: serving 0 documents without an index (run 'rfc sync' to add one) at http://{listen}/ (Ctrl+C to stop)", lines);
        Assert.Contains(lines, l => l.StartsWith("GET / 200 ", StringComparison.Ordinal));
        Assert.Equal("rfc: stopped", lines[^1]);
        response?.Dispose();
    }

    [Fact]
    public async Task Executable_StopsGracefullyOnSigterm_WithSuccess()
    {
        int port = FreePort(IPAddress.Loopback);
        ProcessStartInfo start = new(RfcExecutable.Path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in (string[])["serve", "--listen", $"127.0.0.1:{port}"])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["RFC_HOME"] = _home.Path;
        using Process rfc = Process.Start(start)!;
        // The banner is written after Kestrel listens: the test waits on it, not on a clock.
        string? banner = await rfc.StandardError.ReadLineAsync(TestContext.Current.CancellationToken);
        using HttpClient http = new();
        using HttpResponseMessage response = await http.GetAsync($"http://127.0.0.1:{port}/rfc/rfc1.txt", TestContext.Current.CancellationToken);
        using (Process kill = Process.Start("kill", ["-TERM", rfc.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        string rest = await rfc.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await rfc.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.Equal($"rfc: serving 0 documents without an index (run 'rfc sync' to add one) at http://127.0.0.1:{port}/ (Ctrl+C to stop)", banner);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, rfc.ExitCode);
        Assert.Equal(["GET /rfc/rfc1.txt 404 25 ", "rfc: stopped"], rest.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.StartsWith("GET", StringComparison.Ordinal) ? l[..l.LastIndexOf(' ')] + " " : l));
    }

    /// <summary>Runs rfc-serve's entry point in-process over this test's store.</summary>
    private async Task<(int ExitCode, string Stderr)> ServeAsync(string[] args)
    {
        using StringWriter stderr = new() { NewLine = "\n" };
        Dictionary<string, string> environment = _home.StoreEnvironment;
        int code = await ServeProgram.RunAsync(args, stderr, name => environment.GetValueOrDefault(name), TestContext.Current.CancellationToken);
        return (code, stderr.ToString());
    }

    /// <summary>A port nothing listens on, released for the server under test to take.</summary>
    private static int FreePort(IPAddress address)
    {
        using ClosedPort closed = ClosedPort.Open(address);
        return closed.Port;
    }
}
