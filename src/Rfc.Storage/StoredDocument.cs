using Rfc.Documents;

namespace Rfc.Storage;

/// <summary>A document as kept in the store: the served bytes exactly, and what revalidation needs.</summary>
/// <param name="Number">The RFC's number.</param>
/// <param name="Content">The bytes as served.</param>
/// <param name="ETag">The entity tag the server sent, quotes included, or null.</param>
/// <param name="LastModified">The server's Last-Modified, or null.</param>
/// <param name="FetchedAt">When the bytes were fetched or last revalidated.</param>
/// <param name="Sha256">The SHA-256 of <paramref name="Content"/>, lower-case hex.</param>
/// <param name="Source">The URL the bytes came from.</param>
internal sealed record StoredDocument(RfcNumber Number, byte[] Content, string? ETag, DateTimeOffset? LastModified, DateTimeOffset FetchedAt, string Sha256, string? Source);

/// <summary>One line of <c>rfc list</c>: a stored document without its bytes.</summary>
/// <param name="Number">The RFC's number.</param>
/// <param name="Size">Its size in bytes.</param>
/// <param name="FetchedAt">When it was fetched or last revalidated.</param>
internal sealed record StoredDocumentInfo(RfcNumber Number, long Size, DateTimeOffset FetchedAt);
