using Rfc.Documents;
using Rfc.Served;
using Rfc.Storage;

namespace Rfc;

/// <summary>
/// What <c>rfc serve</c> reads from the local library: stored bytes with their validators, the index file as synced,
/// and the index and full-text searches. Read-only: nothing here writes to the store.
/// </summary>
public sealed partial class RfcClient
{
    /// <summary>The names under which a synced index file is kept beside the database, one per format.</summary>
    public static IReadOnlyList<string> IndexFileNames { get; } = [XmlIndexFileName, TextIndexFileName];

    /// <summary>
    /// A stamp that changes whenever the store is written (the database and its write-ahead log, and the index file),
    /// so a server can cache what it read and drop the cache when another rfc mirrors or syncs into the same store.
    /// </summary>
    public long StoreChangeStamp()
    {
        if (_options.StoreDirectory is not { } directory)
        {
            return 0;
        }

        long stamp = 0;
        foreach (string name in (string[])[RfcStore.FileName, RfcStore.FileName + "-wal", XmlIndexFileName, TextIndexFileName])
        {
            FileInfo file = new(Path.Combine(directory, name));
            if (file.Exists)
            {
                stamp = HashCode.Combine(stamp, file.LastWriteTimeUtc.Ticks, file.Length);
            }
        }

        return stamp;
    }

    /// <summary>RFC <paramref name="number"/> exactly as stored, or null when the store does not hold it (nothing is fetched).</summary>
    public ServedFile? GetStoredFile(RfcNumber number)
    {
        if (Store is not { } store || FromStore(() => store.GetDocument(number)) is not StoredDocument stored)
        {
            return null;
        }

        // GetDocument checked the bytes against their SHA-256: a damaged row is an error, never bytes served as the RFC.
        return new ServedFile($"rfc{number.Value}.txt", stored.Content, stored.Sha256, stored.LastModified ?? stored.FetchedAt);
    }

    /// <summary>
    /// The index file exactly as the last successful <see cref="SyncIndexAsync"/> downloaded it
    /// (<c>rfc-index.xml</c> or <c>rfc-index.txt</c>, whichever was synced), or null when none is kept.
    /// </summary>
    public ServedFile? GetSyncedIndexFile()
    {
        if (_options.StoreDirectory is not { } directory)
        {
            return null;
        }

        foreach (string name in IndexFileNames)
        {
            string path = Path.Combine(directory, name);
            try
            {
                byte[] content = File.ReadAllBytes(path);
                return new ServedFile(name, content, RfcStore.Hash(content), File.GetLastWriteTimeUtc(path));
            }
            catch (FileNotFoundException)
            {
                // The other format, or never synced.
            }
        }

        return null;
    }

    /// <summary>How many documents the store holds.</summary>
    public int CountStoredDocuments() => Store is { } store ? FromStore(() => store.StoredNumbers().Count) : 0;

    /// <summary>The index's title for RFC <paramref name="number"/>, or null.</summary>
    public string? GetIndexTitle(RfcNumber number) => Store is { } store ? FromStore(() => store.GetTitle(number)) : null;

    /// <summary>The ranked index search (<see cref="SearchIndex"/>, <c>rfc search</c>): at most <paramref name="limit"/> hits, or why there are none.</summary>
    public ServedSearch<RfcSearchHit> SearchIndexForServing(string query, int limit)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (Store is null || !HasIndex)
        {
            return new([], "no index is synced (run 'rfc sync' on the server)");
        }

        try
        {
            return new([.. SearchIndex(query, new RfcSearchFilter { Limit = limit })], null);
        }
        catch (RfcLibraryException e) when (e.Kind == RfcLibraryErrorKind.InvalidQuery)
        {
            return new([], e.Message);
        }
    }

    /// <summary>
    /// The full-text search over stored documents (<see cref="SearchText"/>, <c>rfc search --full-text</c>), or why
    /// there are no hits. As on the command line, documents stored since the index was last brought up to date (by a
    /// mirror into the served store, say) are indexed first (<see cref="IndexPendingAsync"/>): the index is derived
    /// data, so this writes no document.
    /// </summary>
    public async Task<ServedSearch<RfcTextHit>> SearchTextForServingAsync(string query, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (Store is not { } store)
        {
            return new([], "no documents are stored");
        }

        await IndexPendingAsync(store, null, cancellationToken).ConfigureAwait(false);
        try
        {
            return new(SearchText(query, limit), null);
        }
        catch (RfcLibraryException e) when (e.Kind is RfcLibraryErrorKind.InvalidQuery or RfcLibraryErrorKind.NoDocuments)
        {
            return new([], e.Message);
        }
    }
}
