using Rfc.Documents;

namespace Rfc.Storage;

/// <summary>
/// The one mapping between a <c>documents</c> row and a <see cref="StoredDocument"/>, used by
/// <see cref="RfcStore"/> (Microsoft.Data.Sqlite) and by the cached read's fast path
/// (<see cref="StoreReader"/>, SQLite's C API): the same SQL, the same columns in the same order, the same
/// checksum check on every read.
/// </summary>
internal static class DocumentRow
{
    /// <summary>One document by number; the only parameter is <c>$n</c> (bound by index 1 in the C API).</summary>
    public const string SelectByNumber = "SELECT content, etag, last_modified, fetched_at, sha256, source FROM documents WHERE number = $n;";

    /// <summary>Column ordinals of <see cref="SelectByNumber"/>.</summary>
    public const int Content = 0, ETag = 1, LastModified = 2, FetchedAt = 3, Sha256 = 4, Source = 5;

    /// <summary>
    /// Builds the document from its columns, checking that <paramref name="content"/> still has the SHA-256
    /// recorded when it was stored; throws <see cref="StoredDocumentCorruptException"/> when it does not.
    /// <paramref name="oneRead"/>: the process reads this one document (see <see cref="RfcStore.HashForOneRead"/>).
    /// </summary>
    public static StoredDocument Map(RfcNumber number, byte[] content, string? etag, string? lastModified, string fetchedAt, string sha256, string? source, string databasePath, bool oneRead = false)
    {
        if (!string.Equals(oneRead ? RfcStore.HashForOneRead(content) : RfcStore.Hash(content), sha256, StringComparison.Ordinal))
        {
            throw new StoredDocumentCorruptException(number, databasePath);
        }

        return new StoredDocument(
            number,
            content,
            etag,
            lastModified is null ? null : RfcStore.ParseTime(lastModified),
            RfcStore.ParseTime(fetchedAt),
            sha256,
            source);
    }
}
