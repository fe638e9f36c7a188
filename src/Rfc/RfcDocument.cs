using Rfc.Documents;

namespace Rfc;

/// <summary>An RFC's text exactly as served: the response body's bytes, nothing added or dropped.</summary>
/// <param name="Number">The RFC's number.</param>
/// <param name="Content">The document's bytes.</param>
/// <param name="Source">The URL the bytes came from, after redirects.</param>
public sealed record RfcDocument(RfcNumber Number, ReadOnlyMemory<byte> Content, Uri Source);
