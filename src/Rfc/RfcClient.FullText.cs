using Rfc.Documents;
using Rfc.Storage;
using Rfc.Transport;

namespace Rfc;

/// <summary>
/// The full-text half of the façade: search over the stored documents (indexing what is pending first),
/// <c>rfc index</c>, and <c>rfc cache verify</c>.
/// </summary>
public sealed partial class RfcClient
{
    /// <summary>Serialises the indexing that full-text searches start (no wait handle is ever made, so nothing to dispose).</summary>
    private readonly SemaphoreSlim _pendingIndexing = new(1, 1);

    /// <summary>Documents stored but not yet (or no longer correctly) in the full-text index.</summary>
    public int CountFullTextPending() => FromStore(() => RequiredStore.FullTextPending().Count);

    /// <summary>
    /// Full-text search over the stored documents, best first (<see cref="SearchText"/>), after indexing what was
    /// stored since the last index update (every core), reporting to <paramref name="indexing"/> (done, total).
    /// </summary>
    public async Task<IReadOnlyList<RfcTextHit>> SearchFullTextAsync(string query, int limit, Action<int, int>? indexing, CancellationToken cancellationToken)
    {
        await IndexPendingAsync(RequiredStore, indexing, cancellationToken).ConfigureAwait(false);
        return SearchText(query, limit);
    }

    /// <summary>
    /// Indexes what was stored since the last index update, before a full-text search (the CLI's and the server's).
    /// One caller indexes at a time; the others wait for it and then find nothing pending.
    /// </summary>
    private async Task IndexPendingAsync(RfcStore store, Action<int, int>? indexing, CancellationToken cancellationToken)
    {
        if (!FromStore(store.HasFullTextPending))
        {
            return;
        }

        await _pendingIndexing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (FromStore(store.HasFullTextPending))
            {
                await FromStoreAsync(() => store.UpdateFullTextIndexAsync(rebuild: false, indexing is null ? null : p => indexing(p.Indexed, p.Total), cancellationToken)).ConfigureAwait(false);
            }
        }
        finally
        {
            _pendingIndexing.Release();
        }
    }

    /// <summary>
    /// Brings the full-text index up to date (<paramref name="rebuild"/>: builds it from nothing), one thread per
    /// shard; <paramref name="progress"/> receives (done, total).
    /// </summary>
    public async Task<FullTextIndexResult> UpdateFullTextIndexAsync(bool rebuild, Action<int, int>? progress, CancellationToken cancellationToken)
    {
        RfcStore store = RequiredStore;
        FullTextIndexUpdate update = await FromStoreAsync(() => store.UpdateFullTextIndexAsync(rebuild, progress is null ? null : p => progress(p.Indexed, p.Total), cancellationToken)).ConfigureAwait(false);
        return new FullTextIndexResult(update.Indexed, update.Removed, update.Shards);
    }

    /// <summary>
    /// <c>rfc cache verify</c>: checks every stored document against its SHA-256 and fetches each damaged one again
    /// from the source (unless <paramref name="offline"/>); checks the full-text index's structure (a damaged shard is
    /// deleted) and coverage, and brings it up to date. Reports what was repaired and what could not be.
    /// </summary>
    public async Task<StoreVerification> VerifyStoreAsync(bool offline, CancellationToken cancellationToken)
    {
        RfcStore store = RequiredStore;
        int documents = FromStore(store.CountDocuments);
        List<int> repaired = [];
        List<StoreProblem> notRepaired = [];
        foreach (RfcNumber number in FromStore(store.FindCorruptDocuments))
        {
            if (offline)
            {
                notRepaired.Add(new StoreProblem(number.Value, "fails its SHA-256 check; fetching it again is not allowed offline"));
                continue;
            }

            try
            {
                await GetAsync(number, ReadMode.Refresh, cancellationToken).ConfigureAwait(false);
                repaired.Add(number.Value);
            }
            catch (Exception e) when (e is FetchException or RfcLibraryException)
            {
                notRepaired.Add(new StoreProblem(number.Value, $"fails its SHA-256 check, and fetching it again failed: {e.Message}"));
            }
        }

        FullTextIndexCheck check = FromStore(store.CheckFullTextIndex);
        FullTextIndexUpdate update = await FromStoreAsync(() => store.UpdateFullTextIndexAsync(rebuild: false, null, cancellationToken)).ConfigureAwait(false);
        return new StoreVerification(documents, repaired, notRepaired, check.DamagedShards.Count, update.Indexed + update.Removed);
    }

    /// <summary>An asynchronous store operation, its errors in the façade's terms (see <see cref="FromStore{T}(Func{T})"/>).</summary>
    private static async Task<T> FromStoreAsync<T>(Func<Task<T>> operation)
    {
        try
        {
            return await operation().ConfigureAwait(false);
        }
        catch (StoreException e)
        {
            throw new RfcLibraryException(RfcLibraryErrorKind.Store, e.Message, e);
        }
    }
}

/// <summary>What <see cref="RfcClient.UpdateFullTextIndexAsync"/> did.</summary>
/// <param name="Indexed">Documents indexed (new or changed).</param>
/// <param name="Removed">Documents dropped from the index because the store no longer holds them.</param>
/// <param name="Shards">Index shards, each built by its own thread.</param>
public sealed record FullTextIndexResult(int Indexed, int Removed, int Shards);

/// <summary>What <c>rfc cache verify</c> found and did.</summary>
/// <param name="Documents">Stored documents checked.</param>
/// <param name="Repaired">Damaged documents fetched again.</param>
/// <param name="NotRepaired">Damaged documents that could not be fetched again, with why.</param>
/// <param name="DamagedIndexShards">Full-text index shards that failed their structural check (deleted and rebuilt).</param>
/// <param name="IndexRepaired">Documents (re)indexed or dropped so that the index covers exactly the store.</param>
public sealed record StoreVerification(int Documents, IReadOnlyList<int> Repaired, IReadOnlyList<StoreProblem> NotRepaired, int DamagedIndexShards, int IndexRepaired);

/// <summary>A stored document that could not be repaired.</summary>
/// <param name="Rfc">The RFC's number.</param>
/// <param name="Problem">What is wrong and why it stays so.</param>
public sealed record StoreProblem(int Rfc, string Problem);
