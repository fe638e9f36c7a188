using Rfc.Documents;
using Rfc.Storage;
using Rfc.Transport;

namespace Rfc;

/// <summary>What one request for a document produced: a status, and for 200 the whole verified body.</summary>
/// <param name="StatusCode">The final status after redirects.</param>
/// <param name="Status">The status as people write it: <c>404 Not Found</c>.</param>
/// <param name="Uri">The URL that answered.</param>
/// <param name="Content">The body for a 200, else empty.</param>
/// <param name="ETag">The response's ETag.</param>
/// <param name="LastModified">The response's Last-Modified.</param>
/// <param name="RetryAfter">The response's Retry-After, as a delay.</param>
internal sealed record FetchOutcome(int StatusCode, string Status, Uri Uri, byte[] Content, string? ETag, DateTimeOffset? LastModified, TimeSpan? RetryAfter)
{
    /// <summary>
    /// The document as the store keeps it. <paramref name="oneOfMany"/>: the mirror's bulk hashing, which keeps
    /// OpenSSL (several times faster per byte once loaded). A single fetch hashes in managed code unless TLS has
    /// loaded OpenSSL already (<see cref="RfcStore.ManagedHashLimit"/> says why).
    /// </summary>
    public StoredDocument ToStored(RfcNumber number, bool oneOfMany) =>
        new(number, Content, ETag, LastModified, DateTimeOffset.UtcNow, oneOfMany || Uri.Scheme == Uri.UriSchemeHttps ? RfcStore.Hash(Content) : RfcStore.HashForOneRead(Content), Uri.ToString());

    /// <summary>The error for a status that is not a document: the library's not found for 404/410, an HTTP error otherwise.</summary>
    public Exception ToException(RfcNumber number) => StatusCode is 404 or 410
        ? new RfcLibraryException(RfcLibraryErrorKind.NotFound, $"RFC {number} was not found at {Uri} (HTTP {Status})") { Number = number, StatusCode = StatusCode }
        : new FetchException(FetchLayer.Http, $"{Uri} answered HTTP {Status} instead of the document") { StatusCode = StatusCode };
}
