using Rfc.Documents.Index;

namespace Rfc;

/// <summary>What <see cref="RfcClient.SyncIndexAsync"/> did.</summary>
/// <param name="Url">The index URL that answered.</param>
/// <param name="NotModified">True when the server answered 304: the stored index is current and nothing was written.</param>
/// <param name="Format">Which index format arrived (<see cref="IndexFormat.Unknown"/> when nothing was downloaded).</param>
/// <param name="Added">Entries new to the local index.</param>
/// <param name="Changed">Entries whose content changed.</param>
/// <param name="Unchanged">Entries already current.</param>
public sealed record IndexSyncResult(Uri Url, bool NotModified, IndexFormat Format, int Added, int Changed, int Unchanged)
{
    /// <summary>Every entry the index holds now.</summary>
    public int Total => Added + Changed + Unchanged;
}
