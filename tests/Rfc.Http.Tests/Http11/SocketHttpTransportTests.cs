using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Http;
using Rfc.Http.Http11;
using Rfc.Testing;
using Rfc.Transport;

namespace Rfc.Http.Tests.Http11;

public sealed class SocketHttpTransportTests
{
    private static HttpTransportOptions Options(ITraceSink? trace = null) => new() { Environment = _ => null, Trace = trace, ReadTimeout = TimeSpan.FromSeconds(5) };

    private static async Task<string> GetAsync(IHttpTransport transport, Uri uri)
    {
        await using FetchResponse response = await transport.SendAsync(new FetchRequest(uri), TestContext.Current.CancellationToken);
        using StreamReader reader = new(response.Content);
        return await reader.ReadToEndAsync(TestContext.Current.CancellationToken);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task SendAsync_ReusesOneConnection_ForSeveralDocuments(bool chunked)
    {
        ConcurrentBag<string> connections = [];
        await using KestrelServer server = await KestrelServer.StartAsync(context =>
        {
            connections.Add(context.Connection.Id);
            return KestrelServer.WriteBodyAsync(context, Encoding.ASCII.GetBytes($"doc {context.Request.Path}"), chunked);
        });
        await using SocketHttpTransport transport = new(Options());

        string[] bodies = [await GetAsync(transport, server.Url("/1")), await GetAsync(transport, server.Url("/2")), await GetAsync(transport, server.Url("/3"))];

        Assert.Equal(["doc /1", "doc /2", "doc /3"], bodies);
        Assert.Single(connections.Distinct());
    }

    [Fact]
    public async Task SendAsync_DoesNotReuse_WhenBodyWasNotReadToTheEnd()
    {
        ConcurrentBag<string> connections = [];
        await using KestrelServer server = await KestrelServer.StartAsync(context =>
        {
            connections.Add(context.Connection.Id);
            return KestrelServer.WriteBodyAsync(context, new byte[100_000], chunked: false);
        });
        await using SocketHttpTransport transport = new(Options());

        FetchResponse abandoned = await transport.SendAsync(new FetchRequest(server.Url("/1")), TestContext.Current.CancellationToken);
        await abandoned.DisposeAsync();
        await GetAsync(transport, server.Url("/2"));

        Assert.Equal(2, connections.Distinct().Count());
    }

    [Fact]
    public async Task SendAsync_DoesNotReuse_WhenServerClosedIdleConnection()
    {
        // Each connection answers one request with keep-alive, then the server closes it while idle:
        // the pool sees the close before handing the connection out.
        await using ScriptedTcpServer server = ScriptedTcpServer.Start(async (stream, head, token) =>
            await stream.WriteAsync("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"u8.ToArray(), token));
        RecordingTrace trace = new();
        await using SocketHttpTransport transport = new(Options(trace));

        string first = await GetAsync(transport, new Uri(server.BaseUri, "/1"));
        await Task.Delay(200, TestContext.Current.CancellationToken);
        string second = await GetAsync(transport, new Uri(server.BaseUri, "/2"));

        Assert.Equal(["ok", "ok"], [first, second]);
        Assert.Equal(2, server.Connections);
        Assert.DoesNotContain(trace.Lines, l => l.Message.StartsWith("reusing connection", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendAsync_RetriesOnNewConnection_WhenServerDropsReusedConnectionWithoutAnswer()
    {
        // The race no check can see: the connection looks alive, takes the request, then closes unanswered.
        await using ScriptedTcpServer server = ScriptedTcpServer.Start(async (stream, head, token) =>
        {
            await stream.WriteAsync("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"u8.ToArray(), token);
            await ScriptedTcpServer.ReadHeadAsync(stream, token);
        });
        RecordingTrace trace = new();
        await using SocketHttpTransport transport = new(Options(trace));

        string first = await GetAsync(transport, new Uri(server.BaseUri, "/1"));
        string second = await GetAsync(transport, new Uri(server.BaseUri, "/2"));

        Assert.Equal(["ok", "ok"], [first, second]);
        Assert.Equal(2, server.Connections);
        Assert.Contains(trace.Lines, l => l.Message.StartsWith("reusing connection to 127.0.0.1:", StringComparison.Ordinal));
        Assert.Contains(trace.Lines, l => l.Message == "the reused connection was closed by the server; retrying on a new one");
    }

    [Fact]
    public async Task SendAsync_FailsWithReadTimeout_WhenServerStallsMidBody()
    {
        await using ScriptedTcpServer server = ScriptedTcpServer.Start(async (stream, _, token) =>
        {
            await stream.WriteAsync("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhel"u8.ToArray(), token);
            await Task.Delay(Timeout.Infinite, token);
        });
        await using SocketHttpTransport transport = new(Options() with { ReadTimeout = TimeSpan.FromMilliseconds(200) });

        FetchException error = await Assert.ThrowsAsync<FetchException>(() => GetAsync(transport, server.BaseUri));

        Assert.True(error.IsTimeout);
        Assert.Equal($"127.0.0.1:{server.Port} sent nothing for 0.2 s", error.Message);
    }

    [Fact]
    public async Task SendAsync_ThrowsOperationCanceled_OnlyForCallersToken()
    {
        await using ScriptedTcpServer server = ScriptedTcpServer.Start((_, _, token) => Task.Delay(Timeout.Infinite, token));
        await using SocketHttpTransport transport = new(Options());
        using CancellationTokenSource caller = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        caller.CancelAfter(100);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => transport.SendAsync(new FetchRequest(server.BaseUri), caller.Token));
    }

    [Fact]
    public async Task SendAsync_TracesEachLayer_DownAndBack()
    {
        RecordingTrace trace = new();
        await using KestrelServer server = await KestrelServer.StartAsync(context => context.Response.WriteAsync("x"));
        await using SocketHttpTransport transport = new(Options(trace));

        await GetAsync(transport, server.Url("/rfc2324.txt"));

        Assert.Contains(trace.Lines, l => l.Layer == FetchLayer.NameResolution);
        Assert.Contains(trace.Lines, l => l.Layer == FetchLayer.Tcp && l.Message.StartsWith("connected to 127.0.0.1:", StringComparison.Ordinal));
        Assert.Contains(trace.Lines, l => l.Layer == FetchLayer.Http && l.Message.StartsWith("GET /rfc2324.txt HTTP/1.1", StringComparison.Ordinal));
        Assert.Contains(trace.Lines, l => l.Layer == FetchLayer.Http && l.Message.StartsWith("HTTP/1.1 200 OK (", StringComparison.Ordinal));
        Assert.Contains(trace.Lines, l => l.Layer == FetchLayer.Http && l.Message.StartsWith("body complete: 1 bytes", StringComparison.Ordinal));
    }

    private sealed class RecordingTrace : ITraceSink
    {
        public ConcurrentQueue<(FetchLayer Layer, string Message)> Lines { get; } = new();

        public void Trace(FetchLayer layer, string message) => Lines.Enqueue((layer, message));
    }
}
