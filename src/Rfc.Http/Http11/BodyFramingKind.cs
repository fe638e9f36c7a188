namespace Rfc.Http.Http11;

/// <summary>How the end of a response body is found (RFC 9112 §6.3).</summary>
internal enum BodyFramingKind
{
    /// <summary>No body: a response to HEAD, a 1xx, 204 or 304 (rule 1), or 101 (what follows is another protocol).</summary>
    None,

    /// <summary>Exactly <see cref="BodyFraming.Length"/> bytes follow the head (rule 6).</summary>
    ContentLength,

    /// <summary>The chunked transfer coding (rule 4); decode with <see cref="ChunkedDecoder"/>.</summary>
    Chunked,

    /// <summary>The body is everything until the server closes the connection (rules 4 and 8).</summary>
    CloseDelimited,
}
