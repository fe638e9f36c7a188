using System.Text;
using Microsoft.AspNetCore.Http;
using Rfc.Testing;

namespace Rfc.Cli.Tests;

/// <summary>Every failure gives one line on stderr, nothing on stdout, and its documented exit code.</summary>
public sealed class ErrorTests
{
    private const string Usage = "usage: rfc [options] <rfc>... | rfc <command> [options]  (try 'rfc --help')";
    private const string Missing = "rfc: error: must supply an RFC number as the first argument, e.g. `rfc 2324`";

    [Fact]
    public async Task Serve_ExitsLocal_WhenRfcServeIsNotBesideRfc()
    {
        // This project's output has rfc but no rfc-serve (Rfc.Cli does not reference the server), so the command must
        // say what is missing instead of replacing the test process.
        Assert.Null(Commands.ServeCommand.FindServer());

        CliResult result = await CliRunner.RunAsync("serve", "--listen", "127.0.0.1:8080");

        Assert.Equal(5, result.ExitCode);
        Assert.Equal(["rfc: error: rfc serve needs the rfc-serve program next to rfc (reinstall with ./install.sh)"], result.StderrLines);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public async Task Get_ExitsUsage_WhenNoNumberGiven()
    {
        CliResult result = await CliRunner.RunAsync();

        Assert.Equal(2, result.ExitCode);
        Assert.Equal([Missing, Usage], result.StderrLines);
        Assert.Empty(result.Stdout);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("1234567")]
    [InlineData("99999999999999999999")]
    [InlineData("12.5")]
    [InlineData("rfc")]
    public async Task Get_ExitsUsage_WhenNumberIsInvalid(string argument)
    {
        CliResult result = await CliRunner.RunAsync(argument);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal([$"{Missing} ('{argument}' is not one)", Usage], result.StderrLines);
        Assert.Empty(result.Stdout);
    }

    [Theory]
    [InlineData("http://127.0.0.1:66000/rfc{n}.txt", "rfc: error: source 'http://127.0.0.1:66000/rfc{n}.txt' has an invalid port 66000 (ports are 1 to 65535)")]
    [InlineData("http://[::1]:0/", "rfc: error: source 'http://[::1]:0/' has an invalid port 0 (ports are 1 to 65535)")]
    [InlineData("http://localhost:80x/", "rfc: error: source 'http://localhost:80x/' has an invalid port 80x (ports are 1 to 65535)")]
    [InlineData("ftp://ftp.rfc-editor.org/in-notes/", "rfc: error: source 'ftp://ftp.rfc-editor.org/in-notes/' uses the scheme 'ftp'; only http and https are supported")]
    [InlineData("www.rfc-editor.org/rfc/", "rfc: error: source 'www.rfc-editor.org/rfc/' is not a URL (expected e.g. https://www.rfc-editor.org/rfc/rfc{n}.txt)")]
    public async Task Get_ExitsUsage_WhenSourceIsInvalid(string source, string expected)
    {
        CliResult result = await CliRunner.RunAsync("2324", "--source", source);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal([expected, Usage], result.StderrLines);
    }

    [Fact]
    public async Task Get_ExitsUsage_WhenTransportIsUnknown()
    {
        CliResult result = await CliRunner.RunAsync("2324", "--transport", "carrier-pigeon");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(["rfc: error: unknown transport 'carrier-pigeon' (use http or socket)", Usage], result.StderrLines);
    }

    [Fact]
    public async Task Get_ExitsUsage_WhenOptionIsUnknown()
    {
        CliResult result = await CliRunner.RunAsync("2324", "--frobnicate");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("rfc: error: ", result.StderrLines[0]);
        Assert.Contains("--frobnicate", result.StderrLines[0]);
    }

    [Theory]
    [InlineData("--timeout", "0")]
    [InlineData("--connect-timeout", "-1")]
    public async Task Get_ExitsUsage_WhenTimeoutIsNotPositive(string option, string value)
    {
        CliResult result = await CliRunner.RunAsync("2324", option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"rfc: error: {option} must be a number of seconds above 0", result.StderrLines[0]);
    }

    [Fact]
    public async Task Get_ExitsNotFound_OnHttp404()
    {
        await using KestrelServer server = await KestrelServer.StartAsync(context =>
        {
            context.Response.StatusCode = 404;
            return context.Response.WriteAsync("<html>no such page</html>");
        });
        string url = server.BaseUri + "rfc/rfc99999.txt";

        CliResult result = await CliRunner.RunAsync("99999", "--source", server.BaseUri + "rfc/rfc{n}.txt");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal([$"rfc: error: RFC 99999 was not found at {url} (HTTP 404 Not Found)"], result.StderrLines);
        Assert.Empty(result.Stdout);
    }

    [Theory]
    [InlineData(500, "500 Internal Server Error")]
    [InlineData(403, "403 Forbidden")]
    [InlineData(200 + 3, "203 Non-Authoritative Information")]
    public async Task Get_ExitsProtocol_OnOtherStatus(int status, string shown)
    {
        await using KestrelServer server = await KestrelServer.StartAsync(context =>
        {
            context.Response.StatusCode = status;
            return context.Response.WriteAsync("an error page that must never be printed");
        });

        CliResult result = await CliRunner.RunAsync("2324", "--source", server.BaseUri + "rfc{n}.txt");

        Assert.Equal(4, result.ExitCode);
        Assert.Equal([$"rfc: error: {server.BaseUri}rfc2324.txt answered HTTP {shown} instead of the document"], result.StderrLines);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public async Task Get_ExitsNetwork_WhenConnectionRefused()
    {
        using ClosedPort closed = ClosedPort.Open();
        int port = closed.Port;

        CliResult result = await CliRunner.RunAsync("2324", "--source", $"http://127.0.0.1:{port}/");

        Assert.Equal(3, result.ExitCode);
        Assert.Equal([$"rfc: error: connection refused by 127.0.0.1:{port} (ECONNREFUSED)"], result.StderrLines);
    }

    [Fact]
    public async Task Get_ExitsNetwork_WhenNameDoesNotResolve()
    {
        // RFC 2606 reserves .invalid: resolution fails on this machine without any query leaving it.
        CliResult result = await CliRunner.RunAsync("2324", "--source", "http://no-such-host.invalid/");

        Assert.Equal(3, result.ExitCode);
        Assert.Single(result.StderrLines);
        Assert.StartsWith("rfc: error: cannot resolve host 'no-such-host.invalid' (", result.StderrLines[0]);
    }

    [Fact]
    public async Task Get_ExitsNetwork_WhenServerStalls()
    {
        await using ScriptedTcpServer server = ScriptedTcpServer.Start(async (stream, _, token) =>
        {
            await stream.WriteAsync("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly a little"u8.ToArray(), token);
            await Task.Delay(Timeout.Infinite, token);
        });

        CliResult result = await CliRunner.RunAsync("2324", "--timeout", "0.3", "--source", server.BaseUri.ToString());

        Assert.Equal(3, result.ExitCode);
        Assert.Equal([$"rfc: error: 127.0.0.1:{server.Port} sent nothing for 0.3 s (read timeout; raise it with --timeout)"], result.StderrLines);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public async Task Get_ExitsProtocol_AndPrintsNothing_WhenBodyEndsEarly()
    {
        await using ScriptedTcpServer server = ScriptedTcpServer.Respond("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly part of the document"u8.ToArray());

        CliResult result = await CliRunner.RunAsync("2324", "--source", server.BaseUri.ToString());

        Assert.Equal(4, result.ExitCode);
        Assert.Equal([$"rfc: error: 127.0.0.1:{server.Port} closed the connection before the body was complete (the document would be cut short)"], result.StderrLines);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public async Task Get_ExitsInterrupted_WithoutMessage_WhenCancelled()
    {
        await using ScriptedTcpServer server = ScriptedTcpServer.Start((_, _, token) => Task.Delay(Timeout.Infinite, token));
        using CancellationTokenSource interrupt = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        interrupt.CancelAfter(TimeSpan.FromMilliseconds(300));

        CliResult result = await CliRunner.RunCancellableAsync(["2324", "--source", server.BaseUri.ToString()], new Dictionary<string, string>(), terminal: false, interrupt.Token);

        Assert.Equal(130, result.ExitCode);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public async Task Get_ShowsCauseChain_OnlyWithVerbose()
    {
        using ClosedPort closed = ClosedPort.Open();
        int port = closed.Port;

        CliResult quiet = await CliRunner.RunAsync("2324", "--source", $"http://127.0.0.1:{port}/");
        CliResult verbose = await CliRunner.RunAsync("2324", "--verbose", "--source", $"http://127.0.0.1:{port}/");

        Assert.Single(quiet.StderrLines);
        Assert.True(verbose.StderrLines.Length > 1);
        Assert.Contains(verbose.StderrLines.Skip(1), line => line.StartsWith("  caused by ", StringComparison.Ordinal));
    }
}

/// <summary>The reporter's rows that need no server: configuration errors, bugs, and the --verbose cause chain.</summary>
public sealed class ErrorReporterTests
{
    [Theory]
    [InlineData(Transport.TransportSetting.CaFile, null, "rfc: error: cannot use CA file '/tmp/x' (check --ca-file or RFC_CA_FILE)")]
    [InlineData(Transport.TransportSetting.Proxy, "http_proxy", "rfc: error: cannot use CA file '/tmp/x' (fix or unset http_proxy)")]
    public void Classify_ExitsUsage_NamingTheOptionOrVariable_ForTransportConfiguration(Transport.TransportSetting setting, string? variable, string expected)
    {
        Transport.TransportConfigurationException error = new(setting, "cannot use CA file '/tmp/x'") { Variable = variable };

        (ExitCode code, string line) = ErrorReporter.Classify(error);

        Assert.Equal(ExitCode.Usage, code);
        Assert.Equal(expected, line);
    }

    [Fact]
    public void Report_ExitsInternal_NamingTheTypeOnly_AndStackOnlyWithVerbose()
    {
        InvalidOperationException bug = Throw(new InvalidOperationException("Arg_ResourceKeyOnly"));
        using StringWriter quiet = new() { NewLine = "\n" };
        using StringWriter verbose = new() { NewLine = "\n" };

        ExitCode code = ErrorReporter.Report(bug, quiet, verbose: false, CancellationToken.None);
        ErrorReporter.Report(bug, verbose, verbose: true, CancellationToken.None);

        Assert.Equal(ExitCode.Internal, code);
        Assert.Equal(70, (int)code);
        Assert.Equal($"rfc: internal error: InvalidOperationException ({ErrorReporter.ReportTo}; run with --verbose for details)\n", quiet.ToString());
        Assert.DoesNotContain("Arg_ResourceKeyOnly", verbose.ToString(), StringComparison.Ordinal);
        Assert.Contains("   at ", verbose.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Report_VerboseChain_ShowsOurMessages_AndOnlyTypeAndCodeOfPlatformErrors()
    {
        System.Net.Sockets.SocketException socket = new((int)System.Net.Sockets.SocketError.ConnectionRefused);
        Transport.FetchException error = new(Transport.FetchLayer.Tcp, "connection refused by 127.0.0.1:9 (ECONNREFUSED)", new IOException("platform words", socket));
        using StringWriter stderr = new() { NewLine = "\n" };

        ExitCode code = ErrorReporter.Report(error, stderr, verbose: true, CancellationToken.None);

        Assert.Equal(ExitCode.Network, code);
        Assert.Equal(
            [
                "rfc: error: connection refused by 127.0.0.1:9 (ECONNREFUSED)",
                $"  caused by IOException, HResult 0x{new IOException().HResult:X8}",
                $"  caused by SocketException, SocketError ConnectionRefused, ECONNREFUSED, HResult 0x{socket.HResult:X8}",
            ],
            stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Classify_EscapesControlCharactersFromServerData()
    {
        Transport.FetchException error = new(Transport.FetchLayer.Http, "http://127.0.0.1/ redirected (302) to an invalid location '\u001b[2J'");

        (_, string line) = ErrorReporter.Classify(error);

        Assert.Equal("rfc: error: http://127.0.0.1/ redirected (302) to an invalid location '\\x1b[2J'", line);
    }

    private static T Throw<T>(T error)
        where T : Exception
    {
        try
        {
            throw error;
        }
        catch (T caught)
        {
            return caught;
        }
    }
}
