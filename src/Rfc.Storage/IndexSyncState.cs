namespace Rfc.Storage;

/// <summary>What the last sync of an index URL left behind, for the next conditional request.</summary>
/// <param name="Url">The index URL as requested.</param>
/// <param name="ETag">The entity tag the server sent, quotes included, or null.</param>
/// <param name="LastModified">The server's Last-Modified, or null.</param>
/// <param name="SyncedAt">When the index was last downloaded or confirmed unchanged.</param>
/// <param name="Entries">How many entries that download held.</param>
internal sealed record IndexSyncState(string Url, string? ETag, DateTimeOffset? LastModified, DateTimeOffset SyncedAt, int Entries);
