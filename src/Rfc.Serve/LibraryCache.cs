using System.Collections.Concurrent;
using Rfc.Documents;
using Rfc.Serve.Http;
using Rfc.Served;

namespace Rfc.Serve;

/// <summary>
/// What the server has read from the library, kept in memory: a mirror serves the same few documents over and over,
/// and reading a 400 KB row for each request would make SQLite the bottleneck. The cache is dropped whole when the
/// store changes on disk (another rfc mirroring or syncing into it), checked at most every <see cref="CheckIntervalMilliseconds"/>,
/// and when it grows past <see cref="MaxCachedBytes"/>.
/// </summary>
internal sealed class LibraryCache
{
    /// <summary>The most bytes cached before everything is dropped; the whole corpus of RFCs is about 500 MB.</summary>
    private const long MaxCachedBytes = 256L * 1024 * 1024;

    /// <summary>How often the store's files are looked at for changes: a new document shows within this time.</summary>
    private const long CheckIntervalMilliseconds = 250;

    private readonly RfcClient _client;
    private readonly Lock _lock = new();
    private Generation _current;
    private long _stamp;
    private long _checkedAt;

    public LibraryCache(RfcClient client)
    {
        _client = client;
        _stamp = client.StoreChangeStamp();
        _checkedAt = Environment.TickCount64;
        _current = new Generation(client);
    }

    public RfcClient Client => _client;

    /// <summary>RFC <paramref name="number"/> as stored, or null.</summary>
    public Representation? Document(RfcNumber number)
    {
        Generation generation = Current();
        return generation.Documents.GetOrAdd(number.Value, static (n, state) =>
        {
            ServedFile? file = state.Client.GetStoredFile(new RfcNumber(n));
            if (file is null)
            {
                return null;
            }

            Interlocked.Add(ref state.Generation.Bytes, file.Content.Length);
            return new Representation(file, "text/plain; charset=utf-8");
        }, (Client: _client, Generation: generation));
    }

    /// <summary>The synced index file, or null.</summary>
    public Representation? IndexFile() => Current().Index.Value;

    /// <summary>A rendered page, made by <paramref name="render"/> once per store generation.</summary>
    public byte[] Page(string key, Func<byte[]> render)
    {
        Generation generation = Current();
        return generation.Pages.GetOrAdd(key, static (_, state) =>
        {
            byte[] page = state.Render();
            Interlocked.Add(ref state.Generation.Bytes, page.Length);
            return page;
        }, (Render: render, Generation: generation));
    }

    private Generation Current()
    {
        long now = Environment.TickCount64;
        Generation generation = Volatile.Read(ref _current);
        if (now - Volatile.Read(ref _checkedAt) < CheckIntervalMilliseconds && Volatile.Read(ref generation.Bytes) < MaxCachedBytes)
        {
            return generation;
        }

        lock (_lock)
        {
            _checkedAt = now;
            long stamp = _client.StoreChangeStamp();
            if (stamp != _stamp || _current.Bytes >= MaxCachedBytes)
            {
                _stamp = stamp;
                _current = new Generation(_client);
            }

            return _current;
        }
    }

    /// <summary>Everything read from one state of the store.</summary>
    private sealed class Generation(RfcClient client)
    {
        public readonly Lazy<Representation?> Index = new(() => client.GetSyncedIndexFile() is { } file
            ? new Representation(file, file.Name.EndsWith(".xml", StringComparison.Ordinal) ? "application/xml; charset=utf-8" : "text/plain; charset=utf-8")
            : null);

        public readonly ConcurrentDictionary<int, Representation?> Documents = new();
        public readonly ConcurrentDictionary<string, byte[]> Pages = new(StringComparer.Ordinal);
        public long Bytes;
    }
}
