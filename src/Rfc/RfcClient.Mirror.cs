using Rfc.Documents;
using Rfc.Storage;

namespace Rfc;

/// <summary>The mirror's half of the façade: which RFCs a run covers, syncing the index first when there is none.</summary>
public sealed partial class RfcClient
{
    /// <summary>
    /// The issued RFCs that exist as plain text, from <paramref name="first"/> to <paramref name="last"/>, by the local
    /// index. With no index yet, syncs it from <paramref name="indexUrl"/> first, calling <paramref name="syncing"/> before
    /// (so a caller can say so) and returning what the sync did.
    /// </summary>
    public async Task<MirrorPlan> PlanMirrorAsync(int first, int last, Uri indexUrl, Action<Uri>? syncing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(indexUrl);
        IndexSyncResult? synced = null;
        if (!HasIndex)
        {
            syncing?.Invoke(indexUrl);
            synced = await SyncIndexAsync(indexUrl, progress: null, cancellationToken).ConfigureAwait(false);
        }

        RfcStore store = RequiredStore;
        return new MirrorPlan(FromStore(() => store.GetMirrorableNumbers(first, last)), synced);
    }
}

/// <summary>What a mirror run will fetch.</summary>
/// <param name="Numbers">The RFCs, in order.</param>
/// <param name="Synced">The index sync that ran first because there was no index, or null.</param>
public sealed record MirrorPlan(IReadOnlyList<RfcNumber> Numbers, IndexSyncResult? Synced);
