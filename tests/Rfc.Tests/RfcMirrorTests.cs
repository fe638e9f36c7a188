using System.Collections.Concurrent;
using System.Text;
using Rfc.Documents;
using Rfc.Http;
using Rfc.Mirror;
using Rfc.Storage;
using Rfc.Testing;

namespace Rfc.Tests;

/// <summary>The mirror through the façade against scripted and Kestrel servers: retries, the Retry-After cap, batching.</summary>
public sealed class RfcMirrorTests : IDisposable
{
    private readonly TemporaryDirectory _home = new("rfc-home-");

    public void Dispose() => _home.Dispose();

    private static byte[] Body(int n) => Encoding.ASCII.GetBytes($"RFC {n}\n\n   Mirrored text.\n");

    private static int NumberOf(string head) => int.Parse(head.Split(' ')[1]["/rfc".Length..^".txt".Length], System.Globalization.CultureInfo.InvariantCulture);

    private RfcClient Client(Uri baseUri, string transport = "socket") => new(new RfcClientOptions
    {
        Source = DocumentSource.Parse(baseUri + "rfc{n}.txt"),
        Transport = transport,
        StoreDirectory = _home.Path,
        Http = new HttpTransportOptions { Environment = _ => null },
    });

    [Fact]
    public async Task Run_CapsRetryAfter_AtMaxDelay()
    {
        // Every first answer asks the client to come back in a day: only the cap lets the run finish. A run that
        // honoured the day would be cancelled by the guard below and fail; no clock is asserted.
        ConcurrentDictionary<int, int> attempts = new();
        await using ScriptedTcpServer server = ScriptedTcpServer.Start(async (stream, head, token) =>
        {
            int n = NumberOf(head);
            byte[] response = attempts.AddOrUpdate(n, 1, (_, a) => a + 1) == 1
                ? "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 86400\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray()
                : [.. Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Length: {Body(n).Length}\r\nConnection: close\r\n\r\n"), .. Body(n)];
            await stream.WriteAsync(response, token);
        });
        await using RfcClient client = Client(server.BaseUri);
        using CancellationTokenSource guard = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        guard.CancelAfter(TimeSpan.FromMinutes(2));

        MirrorSummary summary = await new RfcMirror(client, new MirrorOptions { Jobs = 2, MaxDelay = TimeSpan.FromMilliseconds(10) })
            .RunAsync([.. Enumerable.Range(1, 6).Select(n => new RfcNumber(n))], guard.Token);

        Assert.Equal(6, summary.Progress.Fetched);
        Assert.Empty(summary.Failures);
        Assert.All(Enumerable.Range(1, 6), n => Assert.Equal(2, attempts[n]));
    }

    [Fact]
    public async Task Run_GivesUpAfterRetries_AndReportsTheLastAnswer()
    {
        int requests = 0;
        await using ScriptedTcpServer server = ScriptedTcpServer.Start(async (stream, _, token) =>
        {
            Interlocked.Increment(ref requests);
            await stream.WriteAsync("HTTP/1.1 503 Service Unavailable\r\nRetry-After: 0\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray(), token);
        });
        await using RfcClient client = Client(server.BaseUri);

        MirrorSummary summary = await new RfcMirror(client, new MirrorOptions { Jobs = 1, Retries = 2, BaseDelay = TimeSpan.FromMilliseconds(1) })
            .RunAsync([new RfcNumber(7)], TestContext.Current.CancellationToken);

        MirrorFailure failure = Assert.Single(summary.Failures);
        Assert.Equal($"{server.BaseUri}rfc7.txt answered HTTP 503 Service Unavailable instead of the document", failure.Message);
        Assert.False(failure.IsNetwork);
        Assert.Equal(3, requests);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(32)]
    public async Task Run_StoresEveryDocumentWhole_WhateverTheBatchSize(int batchSize)
    {
        await using KestrelServer server = await KestrelServer.StartAsync(context =>
        {
            int n = int.Parse(context.Request.Path.Value!["/rfc".Length..^".txt".Length], System.Globalization.CultureInfo.InvariantCulture);
            return KestrelServer.WriteBodyAsync(context, Body(n), chunked: false);
        });
        await using RfcClient client = Client(server.BaseUri, "http");

        MirrorSummary summary = await new RfcMirror(client, new MirrorOptions { Jobs = 3, BatchSize = batchSize })
            .RunAsync([.. Enumerable.Range(1, 50).Select(n => new RfcNumber(n))], TestContext.Current.CancellationToken);

        Assert.Equal(50, summary.Progress.Fetched);
        Assert.InRange(server.Connections, 1, 3);
        using RfcStore store = RfcStore.Open(_home.Path);
        Assert.All(Enumerable.Range(1, 50), n => Assert.Equal(Body(n), store.GetDocument(new RfcNumber(n))!.Content));
    }
}
