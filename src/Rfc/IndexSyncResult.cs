using Rfc.Documents.Index;
using Rfc.Storage;

namespace Rfc;

/// <summary>What <see cref="RfcClient.SyncIndexAsync"/> did.</summary>
/// <param name="Url">The index URL requested.</param>
/// <param name="NotModified">True when the server answered 304: the stored index is current and nothing was written.</param>
/// <param name="Format">Which index format arrived (<see cref="IndexFormat.Unknown"/> when nothing was downloaded).</param>
/// <param name="Counts">Entries added, changed and unchanged.</param>
public sealed record IndexSyncResult(Uri Url, bool NotModified, IndexFormat Format, IndexUpdateCounts Counts);
