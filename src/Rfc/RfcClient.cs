using System.Globalization;
using Rfc.Documents;
using Rfc.Documents.Text;
using Rfc.Http;
using Rfc.Storage;
using Rfc.Transport;

namespace Rfc;

/// <summary>
/// The library's front door: reads RFCs from the local store and fetches them from a
/// <see cref="DocumentSource"/> over the chosen transport, with redirects handled above the transport.
/// A non-200 answer is never returned or stored as a document. The store is opened on first use only,
/// and the network stack is created only when a request is needed.
/// </summary>
public sealed partial class RfcClient : IAsyncDisposable
{
    /// <summary>
    /// The largest document accepted. The largest RFC is about 1.6 MB (RFC 8881); 64 MiB leaves room for
    /// decades of growth while stopping a misconfigured source from streaming without end into memory.
    /// </summary>
    public const int MaxDocumentBytes = 64 * 1024 * 1024;

    private readonly RfcClientOptions _options;

    /// <summary>Guards the lazily created client and store: the mirror's workers ask for them at the same time.</summary>
    private readonly Lock _gate = new();
    private RedirectingClient? _client;
    private RfcStore? _store;
    private StoreReader? _reader;
    private bool _readerOpened;
    private bool _disposed;

    /// <summary>Creates a client; nothing is opened or connected until it is needed.</summary>
    public RfcClient(RfcClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <summary>Where documents come from.</summary>
    public DocumentSource Source => _options.Source;

    /// <summary>The store's directory, or null when the client keeps nothing.</summary>
    public string? StoreDirectory => _options.StoreDirectory;

    /// <summary>
    /// The store, opened once on first use (thread-safe); null when the client keeps nothing. Internal: callers above
    /// the façade use its methods, never the store.
    /// </summary>
    internal RfcStore? Store
    {
        get
        {
            if (Volatile.Read(ref _store) is { } store)
            {
                return store;
            }

            if (_options.StoreDirectory is not { } directory)
            {
                return null;
            }

            lock (_gate)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                if (_store is null)
                {
                    RfcStore opened = FromStore(() => RfcStore.Open(directory));
                    Volatile.Write(ref _store, opened);
                }

                return _store;
            }
        }
    }

    /// <summary>
    /// The cached read's fast path to the store (<see cref="StoreReader"/>), opened once, and only while the full
    /// store is not open (once it is, it answers everything); null then, or when there is no store to read.
    /// </summary>
    internal StoreReader? Reader
    {
        get
        {
            if (Volatile.Read(ref _store) is not null || _options.StoreDirectory is not { } directory)
            {
                return null;
            }

            lock (_gate)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                if (!_readerOpened)
                {
                    _reader = FromStore(() => StoreReader.TryOpen(directory));
                    _readerOpened = true;
                }

                return _store is null ? _reader : null;
            }
        }
    }

    /// <summary>The store, or the bug of using a library method on a client configured without one.</summary>
    internal RfcStore RequiredStore => Store ?? throw new InvalidOperationException("this needs a store (set RfcClientOptions.StoreDirectory)");

    /// <summary>
    /// The redirecting client over the chosen transport, created once (thread-safe): concurrent first requests share
    /// one transport and so one connection pool, and no losing transport is left undisposed.
    /// </summary>
    private RedirectingClient Client
    {
        get
        {
            if (Volatile.Read(ref _client) is { } client)
            {
                return client;
            }

            lock (_gate)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                if (_client is null)
                {
                    Volatile.Write(ref _client, new RedirectingClient(Transports.Create(_options.Transport, _options.Http), _options.Http.Trace));
                }

                return _client;
            }
        }
    }

    /// <summary>The store's directory for an environment: <c>RFC_HOME</c>, else <c>$XDG_DATA_HOME/rfc</c>, else <c>~/.local/share/rfc</c>.</summary>
    public static string StoreDirectoryFor(Func<string, string?> environment) => FromStore(() => StoreLocation.Resolve(environment));

    /// <summary>Fetches RFC <paramref name="number"/> (no store involved).</summary>
    public Task<RfcContent> GetAsync(RfcNumber number, CancellationToken cancellationToken) => GetAsync(number, ReadMode.Default, cancellationToken);

    /// <summary>
    /// Gets RFC <paramref name="number"/>: from the store when it holds it (unless <paramref name="mode"/> says refresh),
    /// otherwise from the source, storing what arrives. A stored copy is checked against its SHA-256 before it is returned.
    /// Throws <see cref="RfcLibraryException"/> (not found, not stored, checksum, store) or <see cref="FetchException"/>
    /// (the network, or an HTTP status other than 200, 304, 404 and 410).
    /// </summary>
    public async Task<RfcContent> GetAsync(RfcNumber number, ReadMode mode, CancellationToken cancellationToken)
    {
        // A cached read, the everyday case, reads its one row without opening the store (issue 6).
        if (mode != ReadMode.Refresh && Reader is { } reader && _options.StoreDirectory is { } directory)
        {
            StoredDocument? cached = null;
            bool answered = FromStore(() => reader.TryFindDocument(number, out cached));
            if (cached is not null)
            {
                // Checked against its SHA-256 as it was read (DocumentRow.Map), as the store's own reads are.
                _options.Http.Trace?.TraceLibrary($"RFC {number}: {cached.Content.Length} bytes from the store ({Path.Combine(directory, RfcStore.FileName)})");
                return new RfcContent(number, cached.Content, SourceOf(cached), DocumentOrigin.Store);
            }

            if (answered && mode == ReadMode.Default)
            {
                return await FetchIntoStoreAsync(number, cancellationToken).ConfigureAwait(false);
            }
        }

        RfcStore? store = Store;
        // A refresh treats a copy that fails its checksum as absent: the fetch is unconditional and repairs it.
        StoredDocument? stored = store is null ? null : FromStore(() => mode == ReadMode.Refresh ? store.GetDocumentForRefresh(number) : store.GetDocument(number));
        if (stored is not null && mode != ReadMode.Refresh)
        {
            _options.Http.Trace?.TraceLibrary($"RFC {number}: {stored.Content.Length} bytes from the store ({store!.DatabasePath})");
            return new RfcContent(number, stored.Content, SourceOf(stored), DocumentOrigin.Store);
        }

        if (mode == ReadMode.Offline)
        {
            throw new RfcLibraryException(RfcLibraryErrorKind.NotStored, $"RFC {number} is not in the local store") { Number = number };
        }

        FetchOutcome outcome = await FetchAsync(number, stored, cancellationToken).ConfigureAwait(false);
        switch (outcome.StatusCode)
        {
            case 304 when stored is not null:
                FromStore(() => store!.MarkRevalidated(number, DateTimeOffset.UtcNow));
                _options.Http.Trace?.TraceLibrary($"RFC {number}: unchanged (304), {stored.Content.Length} bytes from the store");
                return new RfcContent(number, stored.Content, SourceOf(stored), DocumentOrigin.Revalidated);
            case 200:
                if (store is not null)
                {
                    FromStore(() => store.PutDocument(outcome.ToStored(number, oneOfMany: false)));
                }

                return new RfcContent(number, outcome.Content, outcome.Uri);
            default:
                throw outcome.ToException(number);
        }
    }

    /// <summary>
    /// A first read of a document the store does not hold: the store opens (Microsoft.Data.Sqlite, its pragmas, the
    /// schema check: milliseconds) on another thread while the request is on the wire, instead of before it. Errors
    /// keep their order: a store that cannot open is reported before a failed fetch, as when it opened first.
    /// </summary>
    private async Task<RfcContent> FetchIntoStoreAsync(RfcNumber number, CancellationToken cancellationToken)
    {
        Task<RfcStore?> opening = Task.Run(() => Store, CancellationToken.None);
        FetchOutcome outcome;
        try
        {
            outcome = await FetchAsync(number, stored: null, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The store's own failure, when it has one, is the one to report.
            await Task.WhenAny(opening).ConfigureAwait(false);
            if (opening.IsFaulted)
            {
                await opening.ConfigureAwait(false);
            }

            throw;
        }

        RfcStore? store = await opening.ConfigureAwait(false);
        if (outcome.StatusCode != 200)
        {
            throw outcome.ToException(number);
        }

        if (store is not null)
        {
            FromStore(() => store.PutDocument(outcome.ToStored(number, oneOfMany: false)));
        }

        return new RfcContent(number, outcome.Content, outcome.Uri);
    }

    /// <summary>
    /// One request for RFC <paramref name="number"/> (conditional when <paramref name="stored"/> is given),
    /// with the body read to its verified end when the status is 200. Statuses are returned, not thrown,
    /// so callers such as the mirror can decide to retry; transport failures throw.
    /// </summary>
    internal async Task<FetchOutcome> FetchAsync(RfcNumber number, StoredDocument? stored, CancellationToken cancellationToken)
    {
        Uri uri = _options.Source.Resolve(number);
        FetchRequest request = new(uri) { IfNoneMatch = stored?.ETag, IfModifiedSince = stored is { ETag: null } ? stored.LastModified : null };
        FetchResponse response = await Client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await using (response.ConfigureAwait(false))
        {
            byte[] content = [];
            if (response.StatusCode == 200)
            {
                content = await ReadAllAsync(response, cancellationToken).ConfigureAwait(false);
                _options.Http.Trace?.TraceLibrary($"RFC {number}: {content.Length} bytes from {response.Uri}");
            }

            return new FetchOutcome(response.StatusCode, response.Status, response.Uri, content, response.Header("ETag"), LastModified(response), RetryAfter(response));
        }
    }

    /// <summary>The source's URL for <paramref name="number"/>.</summary>
    public Uri UrlOf(RfcNumber number) => _options.Source.Resolve(number);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        RedirectingClient? client;
        RfcStore? store;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            (client, store) = (_client, _store);
            _reader?.Dispose();
        }

        if (client is not null)
        {
            await client.Transport.DisposeAsync().ConfigureAwait(false);
        }

        if (store is not null)
        {
            await store.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Runs a store operation, turning the store's failures into the façade's own error types.</summary>
    internal static T FromStore<T>(Func<T> operation)
    {
        try
        {
            return operation();
        }
        catch (StoredDocumentCorruptException e)
        {
            throw new RfcLibraryException(RfcLibraryErrorKind.ChecksumMismatch, $"the stored copy of RFC {e.Number} does not match its SHA-256 checksum", e) { Number = e.Number };
        }
        catch (StoreException e)
        {
            throw new RfcLibraryException(RfcLibraryErrorKind.Store, e.Message, e);
        }
        catch (SearchQueryException e)
        {
            throw new RfcLibraryException(RfcLibraryErrorKind.InvalidQuery, e.Message, e);
        }
    }

    /// <summary>Runs a store operation that returns nothing; see <see cref="FromStore{T}(Func{T})"/>.</summary>
    internal static void FromStore(Action operation) => FromStore(() =>
    {
        operation();
        return true;
    });

    private static Uri SourceOf(StoredDocument stored) =>
        stored.Source is not null && Uri.TryCreate(stored.Source, UriKind.Absolute, out Uri? uri) ? uri : new Uri("file:///rfc-store/");

    /// <summary>RFC 9110 §10.2.3: seconds, or an HTTP date.</summary>
    private static TimeSpan? RetryAfter(FetchResponse response)
    {
        string? value = response.Header("Retry-After");
        if (value is null)
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset at)
            ? (at - DateTimeOffset.UtcNow is { Ticks: > 0 } wait ? wait : TimeSpan.Zero)
            : null;
    }

    private static DateTimeOffset? LastModified(FetchResponse response) =>
        response.Header("Last-Modified") is { } text && DateTimeOffset.TryParseExact(text, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset value) ? value : null;

    private static async Task<byte[]> ReadAllAsync(FetchResponse response, CancellationToken cancellationToken)
    {
        bool announced = long.TryParse(response.Header("Content-Length"), NumberStyles.None, CultureInfo.InvariantCulture, out long length);
        if (announced && length > MaxDocumentBytes)
        {
            // Refused before a byte of the body is read (issue 11): no RFC is that large.
            throw TooLarge(response);
        }

        // Every body in flight is counted against one process-wide budget (issue 11: bounded memory whatever --jobs).
        long reserved = 0;
        try
        {
            return await ReadAllAsync(response, announced ? length : null, bytes => reserved += Reserve(response, bytes), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            BodyBudget.Shared.Release(reserved);
        }
    }

    private static long Reserve(FetchResponse response, long bytes) =>
        BodyBudget.Shared.TryReserve(bytes)
            ? bytes
            : throw new RfcLibraryException(RfcLibraryErrorKind.DocumentTooLarge, string.Create(CultureInfo.InvariantCulture, $"{response.Uri}: the documents being read at once passed the {BodyBudget.Shared.Limit / (1024 * 1024)} MiB memory budget"));

    private static RfcLibraryException TooLarge(FetchResponse response) =>
        new(RfcLibraryErrorKind.DocumentTooLarge, $"{response.Uri} sent more than {MaxDocumentBytes / (1024 * 1024)} MiB; that is not an RFC");

    private static async Task<byte[]> ReadAllAsync(FetchResponse response, long? length, Action<long> reserve, CancellationToken cancellationToken)
    {
        // Read to the end before anyone sees a byte: a body cut short throws here, so a short document
        // is never printed or stored as if it were whole.
        if (response.Header("Content-Encoding") is null && length is long known)
        {
            // The size is known: one exact allocation, no growing buffer and no final copy (the mirror
            // reads thousands of documents; this halves what it allocates per document).
            reserve(known);
            byte[] exact = new byte[known];
            int filled = 0;
            while (filled < exact.Length)
            {
                int n = await response.Content.ReadAsync(exact.AsMemory(filled), cancellationToken).ConfigureAwait(false);
                if (n == 0)
                {
                    break; // The transport throws for a short body; this is only a guard.
                }

                filled += n;
            }

            if (filled == exact.Length && await response.Content.ReadAsync(new byte[1], cancellationToken).ConfigureAwait(false) == 0)
            {
                return exact;
            }

            throw new FetchException(FetchLayer.Http, $"{response.Uri} sent a body whose length differs from its Content-Length ({known})");
        }

        using MemoryStream buffer = new();
        byte[] chunk = new byte[81920];
        int read;
        while ((read = await response.Content.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxDocumentBytes)
            {
                throw TooLarge(response);
            }

            reserve(read);
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
