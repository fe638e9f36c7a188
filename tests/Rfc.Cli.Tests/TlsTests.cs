using System.Text;
using Microsoft.AspNetCore.Http;
using Rfc.Testing;

namespace Rfc.Cli.Tests;

/// <summary>https sources, with a test CA trusted only through --ca-file / RFC_CA_FILE.</summary>
public sealed class TlsTests
{
    [Fact]
    public async Task Get_PrintsDocument_OverTls_WhenCaFileTrustsServer()
    {
        byte[] document = SyntheticDocuments.All["utf8-with-bom"];
        await using KestrelServer server = await KestrelServer.StartAsync(context => KestrelServer.WriteBodyAsync(context, document, chunked: false), TestCertificate.Server);

        CliResult result = await CliRunner.RunAsync(["2324", "--source", server.BaseUri + "rfc{n}.txt"], new Dictionary<string, string> { ["RFC_CA_FILE"] = TestCertificate.CaFile });

        Assert.StartsWith("https://", server.BaseUri.ToString());
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(document, result.Stdout);
    }

    [Fact]
    public async Task Get_ExitsNetwork_WhenCertificateIsNotTrusted()
    {
        await using KestrelServer server = await KestrelServer.StartAsync(context => context.Response.WriteAsync("secret"), TestCertificate.Server);

        CliResult result = await CliRunner.RunAsync("2324", "--source", server.BaseUri + "rfc{n}.txt");

        Assert.Equal(3, result.ExitCode);
        Assert.Single(result.StderrLines);
        Assert.StartsWith("rfc: error: TLS handshake with 127.0.0.1 failed: certificate not trusted", result.StderrLines[0]);
        Assert.Equal(0, server.Requests);
    }

    [Fact]
    public async Task Get_FollowsRedirectChain_FromHttpToHttps()
    {
        await using KestrelServer secure = await KestrelServer.StartAsync(context => context.Response.WriteAsync("over tls"), TestCertificate.Server);
        await using KestrelServer plain = await KestrelServer.StartAsync(context =>
        {
            // Two hops, as the classic ietf.org URL does: a path change, then the move to https.
            context.Response.StatusCode = context.Request.Path.StartsWithSegments("/rfc") ? 301 : 302;
            context.Response.Headers.Location = context.Request.Path.StartsWithSegments("/rfc") ? "/moved/rfc2324.txt" : secure.BaseUri + "rfc/rfc2324.txt";
            return Task.CompletedTask;
        });

        CliResult result = await CliRunner.RunAsync(["2324", "--ca-file", TestCertificate.CaFile, "--source", plain.BaseUri + "rfc/rfc{n}.txt"], new Dictionary<string, string>());

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("over tls", Encoding.ASCII.GetString(result.Stdout));
        Assert.Equal(2, plain.Requests);
        Assert.Equal(["/rfc/rfc2324.txt"], secure.Paths);
    }

    [Fact]
    public async Task Get_RefusesRedirect_FromHttpsToHttp()
    {
        await using KestrelServer plain = await KestrelServer.StartAsync(context => context.Response.WriteAsync("downgraded"));
        await using KestrelServer secure = await KestrelServer.StartAsync(context =>
        {
            context.Response.StatusCode = 301;
            context.Response.Headers.Location = plain.BaseUri + "rfc2324.txt";
            return Task.CompletedTask;
        }, TestCertificate.Server);

        CliResult result = await CliRunner.RunAsync(["2324", "--ca-file", TestCertificate.CaFile, "--source", secure.BaseUri + "rfc{n}.txt"], new Dictionary<string, string>());

        Assert.Equal(4, result.ExitCode);
        Assert.Equal([$"rfc: error: refused redirect from {secure.BaseUri}rfc2324.txt to insecure {plain.BaseUri}rfc2324.txt (https to http)"], result.StderrLines);
        Assert.Equal(0, plain.Requests);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public async Task Get_ExitsUsage_WhenCaFileIsMissing()
    {
        CliResult result = await CliRunner.RunAsync("2324", "--ca-file", "/nonexistent/ca.pem");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("rfc: error: CA file '/nonexistent/ca.pem' does not exist (check --ca-file or RFC_CA_FILE)", result.StderrLines[0]);
    }

    [Theory]
    [InlineData("http")]
    [InlineData("socket")]
    public async Task Trace_ShowsEveryLayer_DownToTls_ForBothTransports(string transport)
    {
        await using KestrelServer server = await KestrelServer.StartAsync(context => context.Response.WriteAsync("x"), TestCertificate.Server);

        CliResult result = await CliRunner.RunAsync(["2324", "--trace", "--transport", transport, "--ca-file", TestCertificate.CaFile, "--source", server.BaseUri + "rfc{n}.txt"], new Dictionary<string, string>());

        Assert.Equal(0, result.ExitCode);
        string[] layers = [.. result.StderrLines.Select(line => line.Split("  ", StringSplitOptions.RemoveEmptyEntries)[1].Trim())];
        Assert.Contains("dns", layers);
        Assert.Contains("tcp", layers);
        Assert.Contains("tls", layers);
        Assert.Contains("http", layers);
        Assert.Contains("doc", layers);
        Assert.Contains(result.StderrLines, line => line.Contains(" tls ") && line.Contains("certificate CN=localhost"));
        Assert.Contains(result.StderrLines, line => line.Contains(" tls ") && line.Contains("TLSv1."));
        Assert.Contains(result.StderrLines, line => line.Contains(" http ") && line.Contains("GET /rfc2324.txt HTTP/1.1"));
    }

    [Theory]
    [InlineData("http")]
    [InlineData("socket")]
    public async Task Trace_EndsAtTheLayerThatFailed(string transport)
    {
        using ClosedPort closed = ClosedPort.Open();
        int port = closed.Port;

        CliResult result = await CliRunner.RunAsync(["2324", "--trace", "--transport", transport, "--source", $"http://127.0.0.1:{port}/"], new Dictionary<string, string>());

        Assert.Equal(3, result.ExitCode);
        Assert.Contains(" tcp ", result.StderrLines[^2]);
        Assert.Contains("ECONNREFUSED", result.StderrLines[^2]);
        Assert.Equal($"rfc: error: connection refused by 127.0.0.1:{port} (ECONNREFUSED)", result.StderrLines[^1]);
    }
}
