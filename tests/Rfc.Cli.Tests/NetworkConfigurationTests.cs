using System.IO.Compression;
using System.Text;
using Rfc.Testing;

namespace Rfc.Cli.Tests;

/// <summary>
/// End to end through the CLI, on both transports: the user's own network configuration is a usage error
/// naming what to fix (exit 2, issue 9), the new limits exit 3 naming which one tripped, a cut compressed
/// body exits 4 (issue 11), and a password in --source never reaches stderr.
/// </summary>
public sealed class NetworkConfigurationTests
{
    public static TheoryData<string> Transports => new() { "http", "socket" };

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task CaFileThatIsNoCertificate_ExitsUsage_WithOurOwnWords(string transport)
    {
        using ClosedPort closed = ClosedPort.Open();

        CliResult result = await CliRunner.RunAsync("2324", "--transport", transport, "--ca-file", "/etc/passwd", "--source", $"https://127.0.0.1:{closed.Port}/");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("rfc: error: cannot load CA file '/etc/passwd': not a PEM or DER certificate (check --ca-file or RFC_CA_FILE)", result.StderrLines[0]);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task ProxyVariableWithUnsupportedScheme_ExitsUsage_NamingTheVariable(string transport)
    {
        Dictionary<string, string> environment = new() { ["http_proxy"] = "ftp://user:secret@x" };

        CliResult result = await CliRunner.RunAsync(["2324", "--transport", transport, "--source", "http://origin.invalid/rfc{n}.txt"], environment);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("rfc: error: invalid proxy URL in http_proxy: 'ftp://user:***@x' (unsupported proxy scheme 'ftp'; only http:// proxies are supported) (fix or unset http_proxy)", result.StderrLines[0]);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task MaxTime_ExitsNetwork_NamingTheLimit(string transport)
    {
        await using ScriptedTcpServer server = ScriptedTcpServer.Start(async (stream, _, token) =>
        {
            await stream.WriteAsync("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n"u8.ToArray(), token);
            byte[] block = new byte[8192];
            while (!token.IsCancellationRequested)
            {
                await stream.WriteAsync(block, token);
                await Task.Delay(5, token);
            }
        });

        CliResult result = await CliRunner.RunAsync("2324", "--transport", transport, "--max-time", "0.5", "--source", server.BaseUri.ToString());

        Assert.Equal(3, result.ExitCode);
        Assert.Equal([$"rfc: error: transfer from 127.0.0.1:{server.Port} took longer than the total time limit of 0.5 s (max time) (raise it with --max-time)"], result.StderrLines);
    }

    [Fact]
    public async Task MaxTime_ExitsUsage_WhenNotAPositiveNumber()
    {
        CliResult result = await CliRunner.RunAsync("2324", "--max-time", "0");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("rfc: error: --max-time must be a number of seconds above 0", result.StderrLines[0]);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task ContentLengthAboveTheCap_IsRefusedBeforeTheBody(string transport)
    {
        await using ScriptedTcpServer server = ScriptedTcpServer.Respond("HTTP/1.1 200 OK\r\nContent-Length: 67108865\r\n\r\nabc"u8.ToArray());

        CliResult result = await CliRunner.RunAsync("2324", "--transport", transport, "--source", server.BaseUri.ToString());

        Assert.Equal(4, result.ExitCode);
        Assert.Equal([$"rfc: error: {server.BaseUri}rfc2324.txt sent more than 64 MiB; that is not an RFC (check --source or RFC_SOURCE)"], result.StderrLines);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task TruncatedGzipBody_ExitsProtocol_AndPrintsNothing(string transport)
    {
        byte[] document = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("Network Working Group\n", 2000)));
        using MemoryStream compressed = new();
        using (GZipStream gzip = new(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(document);
        }

        byte[] cut = compressed.ToArray()[..(int)(compressed.Length / 2)];
        await using ScriptedTcpServer server = ScriptedTcpServer.Respond([.. Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: {cut.Length}\r\n\r\n"), .. cut]);

        CliResult result = await CliRunner.RunAsync("2324", "--transport", transport, "--source", server.BaseUri.ToString());

        Assert.Equal(4, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.Equal([$"rfc: error: 127.0.0.1:{server.Port} sent a corrupt gzip body (the stream is cut short: no gzip trailer)"], result.StderrLines);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task PasswordInSource_IsNeverEchoed_InErrorsOrTrace(string transport)
    {
        using ClosedPort closed = ClosedPort.Open();

        CliResult refused = await CliRunner.RunAsync("2324", "--transport", transport, "--trace", "--source", $"http://user:s3cret@127.0.0.1:{closed.Port}/rfc{{n}}.txt");
        CliResult invalid = await CliRunner.RunAsync("2324", "--transport", transport, "--source", "ftp://user:s3cret@example.invalid/");

        Assert.Equal(3, refused.ExitCode);
        Assert.DoesNotContain("s3cret", refused.Stderr);
        Assert.Equal(2, invalid.ExitCode);
        Assert.Equal("rfc: error: source 'ftp://user:***@example.invalid/' uses the scheme 'ftp'; only http and https are supported", invalid.StderrLines[0]);
    }
}
