using Rfc.Documents;

namespace Rfc;

/// <summary>An RFC's text exactly as served: the response body's bytes, nothing added or dropped.</summary>
/// <param name="Number">The RFC's number.</param>
/// <param name="Content">The document's bytes.</param>
/// <param name="Source">The URL the bytes came from, after redirects.</param>
/// <param name="Origin">Whether the bytes came from the network or the store.</param>
public sealed record RfcContent(RfcNumber Number, ReadOnlyMemory<byte> Content, Uri Source, DocumentOrigin Origin = DocumentOrigin.Network);

/// <summary>Where a document's bytes came from in this run.</summary>
public enum DocumentOrigin
{
    /// <summary>Fetched now.</summary>
    Network,

    /// <summary>Read from the store without a request.</summary>
    Store,

    /// <summary>Read from the store after the server confirmed it unchanged (HTTP 304).</summary>
    Revalidated,
}
