using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Rfc.Testing;

namespace Rfc.Cli.Tests;

/// <summary>
/// The socket transport is exactly as capable as HttpClient: for every server behaviour here, both give
/// the same bytes, the same exit code and the same error line.
/// </summary>
public sealed class TransportParityTests
{
    private static async Task<(CliResult Http, CliResult Socket)> RunBothAsync(string source, params string[] extra)
    {
        Dictionary<string, string> environment = new();
        CliResult http = await CliRunner.RunAsync(["2324", "--transport", "http", "--source", source, .. extra], environment);
        CliResult socket = await CliRunner.RunAsync(["2324", "--transport", "socket", "--source", source, .. extra], environment);
        return (http, socket);
    }

    private static void AssertSame(CliResult http, CliResult socket)
    {
        Assert.Equal(http.ExitCode, socket.ExitCode);
        Assert.Equal(http.Stderr, socket.Stderr);
        Assert.Equal(http.Stdout, socket.Stdout);
    }

    [Theory]
    [MemberData(nameof(SyntheticDocuments.Names), MemberType = typeof(SyntheticDocuments))]
    public async Task BothTransports_PrintSameBytes_WithContentLengthAndChunked(string name)
    {
        byte[] document = SyntheticDocuments.All[name];
        await using KestrelServer length = await KestrelServer.StartAsync(context => KestrelServer.WriteBodyAsync(context, document, chunked: false));
        await using KestrelServer chunked = await KestrelServer.StartAsync(context => KestrelServer.WriteBodyAsync(context, document, chunked: true));

        (CliResult http, CliResult socket) = await RunBothAsync(length.BaseUri + "rfc{n}.txt");
        (CliResult http2, CliResult socket2) = await RunBothAsync(chunked.BaseUri + "rfc{n}.txt");

        Assert.Equal(0, socket.ExitCode);
        Assert.Equal(document, socket.Stdout);
        AssertSame(http, socket);
        Assert.True(socket2.ExitCode == 0, socket2.Stderr);
        Assert.Equal(document, socket2.Stdout);
        AssertSame(http2, socket2);
    }

    [Fact]
    public async Task BothTransports_PrintSameBytes_OverIpv6Loopback()
    {
        if (IPv6Loopback.SkipReason is { } reason)
        {
            Assert.Skip(reason);
        }

        byte[] document = SyntheticDocuments.All["utf8-with-bom"];
        await using KestrelServer server = await KestrelServer.StartAsync(context => KestrelServer.WriteBodyAsync(context, document, chunked: false), address: IPAddress.IPv6Loopback);

        (CliResult http, CliResult socket) = await RunBothAsync(server.BaseUri + "rfc{n}.txt");

        Assert.StartsWith("http://[::1]:", server.BaseUri.ToString());
        Assert.Equal(document, socket.Stdout);
        AssertSame(http, socket);
    }

    [Fact]
    public async Task BothTransports_PrintSameBytes_OverTls()
    {
        byte[] document = SyntheticDocuments.All["multi-megabyte"];
        await using KestrelServer server = await KestrelServer.StartAsync(context => KestrelServer.WriteBodyAsync(context, document, chunked: true), TestCertificate.Server);

        (CliResult http, CliResult socket) = await RunBothAsync(server.BaseUri + "rfc{n}.txt", "--ca-file", TestCertificate.CaFile);

        Assert.True(http.ExitCode == 0, "http: " + http.Stderr);
        Assert.True(socket.ExitCode == 0, "socket: " + socket.Stderr);
        Assert.Equal(document, socket.Stdout);
        AssertSame(http, socket);
    }

    [Fact]
    public async Task BothTransports_FailTheSame_WhenCertificateIsUntrusted()
    {
        await using KestrelServer server = await KestrelServer.StartAsync(context => context.Response.WriteAsync("x"), TestCertificate.Server);

        (CliResult http, CliResult socket) = await RunBothAsync(server.BaseUri + "rfc{n}.txt");

        Assert.Equal(3, socket.ExitCode);
        AssertSame(http, socket);
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("deflate")]
    public async Task BothTransports_DecodeUnaskedCompression(string coding)
    {
        byte[] document = SyntheticDocuments.All["form-feeds"];
        await using KestrelServer server = await KestrelServer.StartAsync(async context =>
        {
            using MemoryStream compressed = new();
            using (Stream encoder = coding == "gzip" ? new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true) : new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            {
                encoder.Write(document);
            }

            context.Response.Headers.ContentEncoding = coding;
            await KestrelServer.WriteBodyAsync(context, compressed.ToArray(), chunked: true);
        });

        (CliResult http, CliResult socket) = await RunBothAsync(server.BaseUri + "rfc{n}.txt");

        Assert.Equal(document, socket.Stdout);
        AssertSame(http, socket);
    }

    [Theory]
    [InlineData(404)]
    [InlineData(410)]
    [InlineData(500)]
    [InlineData(204)]
    public async Task BothTransports_ReportStatusesTheSame(int status)
    {
        await using KestrelServer server = await KestrelServer.StartAsync(context =>
        {
            context.Response.StatusCode = status;
            return status == 204 ? Task.CompletedTask : context.Response.WriteAsync("error page");
        });

        (CliResult http, CliResult socket) = await RunBothAsync(server.BaseUri + "rfc{n}.txt");

        Assert.NotEqual(0, socket.ExitCode);
        AssertSame(http, socket);
    }

    [Fact]
    public async Task BothTransports_FollowRedirectsAndDetectLoops_TheSame()
    {
        await using KestrelServer server = await KestrelServer.StartAsync(context =>
        {
            switch (context.Request.Path.Value)
            {
                case "/start/rfc2324.txt":
                    context.Response.StatusCode = 301;
                    context.Response.Headers.Location = "/next";
                    return Task.CompletedTask;
                case "/next":
                    context.Response.StatusCode = 307;
                    context.Response.Headers.Location = "final.txt";
                    return Task.CompletedTask;
                case "/final.txt":
                    return context.Response.WriteAsync("arrived\n");
                default:
                    context.Response.StatusCode = 302;
                    context.Response.Headers.Location = "/loop/rfc2324.txt";
                    return Task.CompletedTask;
            }
        });

        (CliResult http, CliResult socket) = await RunBothAsync(server.BaseUri + "start/rfc{n}.txt");
        (CliResult loopHttp, CliResult loopSocket) = await RunBothAsync(server.BaseUri + "loop/rfc{n}.txt");

        Assert.Equal("arrived\n", Encoding.ASCII.GetString(socket.Stdout));
        AssertSame(http, socket);
        Assert.Equal(4, loopSocket.ExitCode);
        AssertSame(loopHttp, loopSocket);
    }

    [Fact]
    public async Task BothTransports_FailTheSame_WhenConnectionRefused()
    {
        using ClosedPort closed = ClosedPort.Open();
        (CliResult http, CliResult socket) = await RunBothAsync($"http://127.0.0.1:{closed.Port}/");

        Assert.Equal(3, socket.ExitCode);
        AssertSame(http, socket);
    }

    [Fact]
    public async Task BothTransports_FailTheSame_WhenNameDoesNotResolve()
    {
        (CliResult http, CliResult socket) = await RunBothAsync("http://no-such-host.invalid/");

        Assert.Equal(3, socket.ExitCode);
        AssertSame(http, socket);
    }

    public static TheoryData<string, string, int> ScriptedFaults => new()
    {
        { "body cut short (Content-Length)", "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly part", 4 },
        { "close mid-chunk", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n10\r\nonly part", 4 },
        { "close before last chunk", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n", 4 },
        { "close mid-headers", "HTTP/1.1 200 OK\r\nContent-Len", 4 },
        { "close before any byte", "", 4 },
        { "10 GB Content-Length then close", "HTTP/1.1 200 OK\r\nContent-Length: 10000000000\r\n\r\nabc", 4 },
        { "HTTP/1.0 close-delimited", "HTTP/1.0 200 OK\r\n\r\nthe whole body\n", 0 },
        { "interim 100 then 200", "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </x>\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello", 0 },
        { "no reason phrase", "HTTP/1.1 200\r\nContent-Length: 2\r\n\r\nok", 0 },
        { "chunk extensions and trailers", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;name=value\r\nhello\r\n0\r\nX-Trailer: 1\r\n\r\n", 0 },
    };

    [Theory]
    [MemberData(nameof(ScriptedFaults))]
    public async Task BothTransports_AgreeOnScriptedServer(string name, string response, int expectedExit)
    {
        await using ScriptedTcpServer server = ScriptedTcpServer.Respond(Encoding.ASCII.GetBytes(response));

        (CliResult http, CliResult socket) = await RunBothAsync(server.BaseUri.ToString());

        Assert.True(expectedExit == socket.ExitCode, $"{name}: exit {socket.ExitCode}, stderr {socket.Stderr}");
        Assert.Equal(http.ExitCode, socket.ExitCode);
        Assert.Equal(http.Stdout, socket.Stdout);
        if (expectedExit != 0)
        {
            Assert.Single(socket.StderrLines);
            Assert.Empty(socket.Stdout);
        }
    }

    [Fact]
    public async Task BothTransports_TimeOut_TheSame_WhenServerStalls()
    {
        await using ScriptedTcpServer server = ScriptedTcpServer.Start(async (stream, _, token) =>
        {
            await stream.WriteAsync("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nsome"u8.ToArray(), token);
            await Task.Delay(Timeout.Infinite, token);
        });

        (CliResult http, CliResult socket) = await RunBothAsync(server.BaseUri.ToString(), "--timeout", "0.3");

        Assert.Equal(3, socket.ExitCode);
        AssertSame(http, socket);
    }

    [Fact]
    public async Task SocketTransport_Fails_OnEndlessHeader_WithoutHanging()
    {
        await using ScriptedTcpServer server = ScriptedTcpServer.Start(async (stream, _, token) =>
        {
            await stream.WriteAsync("HTTP/1.1 200 OK\r\nX-Endless: "u8.ToArray(), token);
            byte[] filler = Encoding.ASCII.GetBytes(new string('a', 8192));
            for (int i = 0; i < 64 && !token.IsCancellationRequested; i++)
            {
                await stream.WriteAsync(filler, token);
            }
        });

        CliResult socket = await CliRunner.RunAsync("2324", "--transport", "socket", "--source", server.BaseUri.ToString());

        Assert.Equal(4, socket.ExitCode);
        Assert.StartsWith($"rfc: error: invalid HTTP response from 127.0.0.1:{server.Port}: ", socket.StderrLines[0]);
    }

    // RFC 9112 §6.3 rule 5 makes differing Content-Length values an unrecoverable error (a classic smuggling
    // vector); SocketsHttpHandler takes one of them, so HttpClientTransport checks the head itself.
    [Fact]
    public async Task BothTransports_RejectConflictingContentLength()
    {
        await using ScriptedTcpServer server = ScriptedTcpServer.Respond("HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab"u8.ToArray());

        (CliResult http, CliResult socket) = await RunBothAsync(server.BaseUri.ToString());

        Assert.Equal(4, socket.ExitCode);
        Assert.Equal([$"rfc: error: invalid HTTP response from 127.0.0.1:{server.Port}: Conflicting Content-Length values: '2'"], socket.StderrLines);
        Assert.Empty(socket.Stdout);
        AssertSame(http, socket);
    }

    [Fact]
    public async Task BothTransports_NameTheProxy_WhenItRefusesConnect()
    {
        await using ScriptedTcpServer proxy = ScriptedTcpServer.Respond("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n"u8.ToArray());
        Dictionary<string, string> environment = new() { ["HTTPS_PROXY"] = $"http://127.0.0.1:{proxy.Port}" };

        CliResult http = await CliRunner.RunAsync(["2324", "--transport", "http", "--source", "https://www.rfc-editor.org/rfc/rfc{n}.txt"], environment);
        CliResult socket = await CliRunner.RunAsync(["2324", "--transport", "socket", "--source", "https://www.rfc-editor.org/rfc/rfc{n}.txt"], environment);

        Assert.Equal(4, socket.ExitCode);
        Assert.Equal([$"rfc: error: proxy 127.0.0.1:{proxy.Port} refused the tunnel to www.rfc-editor.org:443: HTTP 403 Forbidden"], socket.StderrLines);
        AssertSame(http, socket);
    }

    [Fact]
    public async Task BothTransports_TunnelThroughConnectProxy_ToTlsOrigin()
    {
        byte[] document = SyntheticDocuments.All["utf8-with-bom"];
        await using KestrelServer origin = await KestrelServer.StartAsync(context => KestrelServer.WriteBodyAsync(context, document, chunked: false), TestCertificate.Server);
        List<string> requests = [];
        await using ScriptedTcpServer proxy = ScriptedTcpServer.Start(async (client, head, token) =>
        {
            lock (requests)
            {
                requests.Add(head.Split("\r\n")[0]);
            }

            // A real CONNECT proxy in a few lines: answer 200, then splice bytes both ways to the origin.
            using System.Net.Sockets.TcpClient upstream = new();
            await upstream.ConnectAsync(IPAddress.Loopback, origin.BaseUri.Port, token);
            await client.WriteAsync("HTTP/1.1 200 Connection established\r\n\r\n"u8.ToArray(), token);
            System.Net.Sockets.NetworkStream server = upstream.GetStream();
            Task up = client.CopyToAsync(server, token);
            Task down = server.CopyToAsync(client, token);
            await Task.WhenAny(up, down);
        });
        // The origin is named "localhost" so the tunnel target is a name, as it is for real sources.
        string source = $"https://localhost:{origin.BaseUri.Port}/rfc{{n}}.txt";
        Dictionary<string, string> environment = new() { ["https_proxy"] = $"127.0.0.1:{proxy.Port}", ["RFC_CA_FILE"] = TestCertificate.CaFile };

        CliResult http = await CliRunner.RunAsync(["2324", "--transport", "http", "--source", source], environment);
        CliResult socket = await CliRunner.RunAsync(["2324", "--transport", "socket", "--source", source], environment);

        Assert.True(socket.ExitCode == 0, socket.Stderr);
        Assert.Equal(document, socket.Stdout);
        AssertSame(http, socket);
        Assert.All(requests, line => Assert.Equal($"CONNECT localhost:{origin.BaseUri.Port} HTTP/1.1", line));
        Assert.Equal(2, requests.Count);
    }

    [Fact]
    public async Task BothTransports_SendAbsoluteForm_ThroughHttpProxy()
    {
        List<string> requests = [];
        await using ScriptedTcpServer proxy = ScriptedTcpServer.Start(async (client, head, token) =>
        {
            lock (requests)
            {
                requests.Add(head.Split("\r\n")[0]);
            }

            await client.WriteAsync("HTTP/1.1 200 OK\r\nContent-Length: 9\r\nConnection: close\r\n\r\nvia proxy"u8.ToArray(), token);
        });
        Dictionary<string, string> environment = new() { ["http_proxy"] = $"http://127.0.0.1:{proxy.Port}/" };

        CliResult http = await CliRunner.RunAsync(["2324", "--transport", "http", "--source", "http://origin.invalid/rfc{n}.txt"], environment);
        CliResult socket = await CliRunner.RunAsync(["2324", "--transport", "socket", "--source", "http://origin.invalid/rfc{n}.txt"], environment);

        Assert.Equal("via proxy", System.Text.Encoding.ASCII.GetString(socket.Stdout));
        AssertSame(http, socket);
        Assert.Equal(["GET http://origin.invalid/rfc2324.txt HTTP/1.1", "GET http://origin.invalid/rfc2324.txt HTTP/1.1"], requests);
    }
}
