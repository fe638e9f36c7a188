using System.Text;
using Microsoft.AspNetCore.Http;
using Rfc.Documents;
using Rfc.Http;
using Rfc.Storage;
using Rfc.Testing;
using Rfc.Transport;

namespace Rfc.Tests;

/// <summary>The façade's client against loopback servers: one transport however requests race, and its own error types.</summary>
public sealed class RfcClientTests : IDisposable
{
    private static readonly byte[] s_document = Encoding.ASCII.GetBytes("Network Working Group\n\n   A document.\n");

    private readonly TemporaryDirectory _home = new("rfc-home-");

    public void Dispose() => _home.Dispose();

    /// <summary>
    /// HttpClient only: the socket transport has no per-server cap (the mirror's workers are its cap, which
    /// <c>MirrorTests</c> checks on both transports).
    /// </summary>
    [Theory]
    [InlineData("http")]
    public async Task GetAsync_OpensAtMostMaxConnections_WhenFirstRequestsRace(string transport)
    {
        // The first requests are held until the cap is reached, so the racing callers all want a connection at once:
        // with a transport per racing caller (the old lazy `??=`) each would bring its own pool and connections.
        const int callers = 16;
        const int limit = 3;
        TaskCompletionSource allSent = new(TaskCreationOptions.RunContinuationsAsynchronously);
        int arrived = 0;
        await using KestrelServer server = await KestrelServer.StartAsync(async context =>
        {
            if (Interlocked.Increment(ref arrived) >= limit)
            {
                allSent.TrySetResult();
            }

            await allSent.Task;
            await KestrelServer.WriteBodyAsync(context, s_document, chunked: false);
        });
        await using RfcClient client = new(new RfcClientOptions
        {
            Source = DocumentSource.Parse(server.BaseUri + "rfc{n}.txt"),
            Transport = transport,
            Http = new HttpTransportOptions { MaxConnectionsPerServer = limit, Environment = _ => null },
        });

        // All callers start together, on threads of their own, so their first requests race for the lazy client.
        using Barrier start = new(callers);
        Task<RfcContent>[] calls = [.. Enumerable.Range(1, callers).Select(n => Task.Factory.StartNew(
            () =>
            {
                start.SignalAndWait(TestContext.Current.CancellationToken);
                return client.GetAsync(new RfcNumber(n), TestContext.Current.CancellationToken);
            },
            TestContext.Current.CancellationToken,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default).Unwrap())];
        RfcContent[] documents = await Task.WhenAll(calls);

        Assert.All(documents, d => Assert.Equal(s_document, d.Content.ToArray()));
        Assert.Equal(callers, server.Requests);
        Assert.InRange(server.Connections, 1, limit);
    }

    [Theory]
    [InlineData(404, "404 Not Found")]
    [InlineData(410, "410 Gone")]
    public async Task GetAsync_ThrowsLibraryNotFound_WhenSourceHasNoSuchDocument(int status, string text)
    {
        await using KestrelServer server = await KestrelServer.StartAsync(context =>
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        });
        await using RfcClient client = new(new RfcClientOptions { Source = DocumentSource.Parse(server.BaseUri + "rfc{n}.txt"), Http = new HttpTransportOptions { Environment = _ => null } });

        RfcLibraryException error = await Assert.ThrowsAsync<RfcLibraryException>(() => client.GetAsync(new RfcNumber(9999), TestContext.Current.CancellationToken));

        Assert.Equal(RfcLibraryErrorKind.NotFound, error.Kind);
        Assert.Equal(status, error.StatusCode);
        Assert.Equal($"RFC 9999 was not found at {server.BaseUri}rfc9999.txt (HTTP {text})", error.Message);
    }

    [Fact]
    public async Task GetAsync_ThrowsFetchExceptionOfHttp_WhenStatusIsUnexpected()
    {
        await using KestrelServer server = await KestrelServer.StartAsync(context =>
        {
            context.Response.StatusCode = 500;
            return Task.CompletedTask;
        });
        await using RfcClient client = new(new RfcClientOptions { Source = DocumentSource.Parse(server.BaseUri + "rfc{n}.txt"), Http = new HttpTransportOptions { Environment = _ => null } });

        FetchException error = await Assert.ThrowsAsync<FetchException>(() => client.GetAsync(new RfcNumber(1), TestContext.Current.CancellationToken));

        Assert.Equal(FetchLayer.Http, error.Layer);
        Assert.Equal(500, error.StatusCode);
    }

    [Theory]
    [InlineData("http")]
    [InlineData("socket")]
    public async Task GetAsync_FirstReadIntoAnExistingStore_FetchesWhileItOpens_StoresTheDocument_AndKeepsNotFound(string transport)
    {
        // An existing store at the current schema: the reader answers "not stored" and the store opens beside the fetch.
        using (RfcStore.Open(_home.Path))
        {
        }

        await using KestrelServer server = await KestrelServer.StartAsync(context =>
        {
            if (context.Request.Path != "/rfc2324.txt")
            {
                context.Response.StatusCode = 404;
                return Task.CompletedTask;
            }

            return context.Response.Body.WriteAsync(s_document).AsTask();
        });
        RfcClientOptions options = new()
        {
            StoreDirectory = _home.Path,
            Source = DocumentSource.Parse(server.BaseUri + "rfc{n}.txt"),
            Transport = transport,
            Http = new HttpTransportOptions { Environment = _ => null },
        };
        await using (RfcClient client = new(options))
        {
            RfcContent fetched = await client.GetAsync(new RfcNumber(2324), TestContext.Current.CancellationToken);
            RfcLibraryException missing = await Assert.ThrowsAsync<RfcLibraryException>(() => client.GetAsync(new RfcNumber(9999), TestContext.Current.CancellationToken));

            Assert.Equal(s_document, fetched.Content.ToArray());
            Assert.Equal(DocumentOrigin.Network, fetched.Origin);
            Assert.Equal(RfcLibraryErrorKind.NotFound, missing.Kind);
        }

        await using RfcClient offline = new(options);
        RfcContent stored = await offline.GetAsync(new RfcNumber(2324), ReadMode.Offline, TestContext.Current.CancellationToken);
        Assert.Equal(s_document, stored.Content.ToArray());
        Assert.Equal(DocumentOrigin.Store, stored.Origin);
    }

    [Fact]
    public async Task GetAsync_FirstReadIntoAnExistingStore_ReportsTheNetworkFailure_WhenTheStoreOpened()
    {
        using (RfcStore.Open(_home.Path))
        {
        }

        using ClosedPort closed = ClosedPort.Open();
        await using RfcClient client = new(new RfcClientOptions { StoreDirectory = _home.Path, Source = DocumentSource.Parse($"http://127.0.0.1:{closed.Port}/rfc{{n}}.txt"), Http = new HttpTransportOptions { Environment = _ => null } });

        FetchException error = await Assert.ThrowsAsync<FetchException>(() => client.GetAsync(new RfcNumber(2324), TestContext.Current.CancellationToken));

        Assert.Equal(FetchLayer.Tcp, error.Layer);
        using RfcStore store = RfcStore.Open(_home.Path);
        Assert.Empty(store.ListDocuments());
    }

    [Fact]
    public async Task GetAsync_ThrowsNotStored_WhenOfflineAndMissing()
    {
        await using RfcClient client = new(new RfcClientOptions { StoreDirectory = _home.Path, Source = DocumentSource.Parse("http://127.0.0.1:9/rfc{n}.txt") });

        RfcLibraryException error = await Assert.ThrowsAsync<RfcLibraryException>(() => client.GetAsync(new RfcNumber(2324), ReadMode.Offline, TestContext.Current.CancellationToken));

        Assert.Equal(RfcLibraryErrorKind.NotStored, error.Kind);
        Assert.Equal("RFC 2324 is not in the local store", error.Message);
        Assert.True(error.IsNotFound);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GetAsync_ThrowsChecksumMismatch_WhenStoredBytesChanged(bool storeOpenFirst)
    {
        using (RfcStore store = RfcStore.Open(_home.Path))
        {
            store.PutDocument(new(new RfcNumber(2324), s_document, null, null, DateTimeOffset.UtcNow, RfcStore.Hash(s_document), "http://127.0.0.1/rfc2324.txt"));
        }

        // The bytes change under the recorded SHA-256 (the store itself refuses to write a mismatched pair).
        using (Microsoft.Data.Sqlite.SqliteConnection connection = new($"Data Source={Path.Combine(_home.Path, RfcStore.FileName)};Pooling=False"))
        {
            connection.Open();
            using Microsoft.Data.Sqlite.SqliteCommand damage = connection.CreateCommand();
            damage.CommandText = "UPDATE documents SET content = X'6F7468657220627974657320' WHERE number = 2324;";
            Assert.Equal(1, damage.ExecuteNonQuery());
        }

        await using RfcClient client = new(new RfcClientOptions { StoreDirectory = _home.Path });
        if (storeOpenFirst)
        {
            Assert.Empty(client.CurrentVersionsOf(new RfcNumber(2324))); // Opens the store: the read takes the store's path, not the fast one.
        }

        RfcLibraryException error = await Assert.ThrowsAsync<RfcLibraryException>(() => client.GetAsync(new RfcNumber(2324), ReadMode.Offline, TestContext.Current.CancellationToken));

        Assert.Equal(RfcLibraryErrorKind.ChecksumMismatch, error.Kind);
        Assert.Equal(new RfcNumber(2324), error.Number);
    }

    [Fact]
    public async Task LibraryMethods_ThrowNoIndex_BeforeTheFirstSync()
    {
        await using RfcClient client = new(new RfcClientOptions { StoreDirectory = _home.Path });

        RfcLibraryException info = Assert.Throws<RfcLibraryException>(() => client.GetInfo(new RfcNumber(9110)));
        RfcLibraryException search = Assert.Throws<RfcLibraryException>(() => client.SearchIndex("http", new RfcSearchFilter()));
        RfcLibraryException text = Assert.Throws<RfcLibraryException>(() => client.SearchText("http", 10));
        RfcLibraryException subseries = Assert.Throws<RfcLibraryException>(() => client.ResolveSubseries(new DocId(DocSeries.Bcp, 14)));

        Assert.Equal(RfcLibraryErrorKind.NoIndex, info.Kind);
        Assert.Equal(RfcLibraryErrorKind.NoIndex, search.Kind);
        Assert.Equal(RfcLibraryErrorKind.NoDocuments, text.Kind);
        Assert.Equal(RfcLibraryErrorKind.NoIndex, subseries.Kind);
        Assert.Equal("BCP 14 is a sub-series name and the local RFC index is empty", subseries.Message);
    }

    [Fact]
    public void Section_ThrowsNoSuchSection_AndFindsOneByNumber()
    {
        byte[] text = Encoding.ASCII.GetBytes("1.  Introduction\n\n   Hello.\n\n2.  Security Considerations\n\n   None.\n");
        RfcContent document = new(new RfcNumber(1), text, new Uri("http://127.0.0.1/rfc1.txt"));

        string found = RfcClient.Section(document, "2");
        RfcLibraryException missing = Assert.Throws<RfcLibraryException>(() => RfcClient.Section(document, "9.9"));

        Assert.Contains("None.", found, StringComparison.Ordinal);
        Assert.Equal(RfcLibraryErrorKind.NoSuchSection, missing.Kind);
        Assert.Equal("RFC 1 has no section '9.9'", missing.Message);
    }
}
