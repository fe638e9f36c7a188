namespace Rfc.Storage;

/// <summary>What the last errata sync from <paramref name="Url"/> recorded: the ETag byte for byte as received, when, and how many records.</summary>
internal sealed record ErrataSyncState(string Url, string? ETag, DateTimeOffset SyncedAt, int Records);
