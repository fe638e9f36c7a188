namespace Rfc.Http.Http11;

/// <summary>Why an HTTP/1.1 response was rejected. Every rejection by the parser, the framing rules or the chunked decoder names one.</summary>
internal enum Http11ParseError
{
    /// <summary>The status line is not <c>HTTP/d.d SP 3DIGIT [SP reason]</c> (RFC 9112 §4), or the bytes are not HTTP at all.</summary>
    InvalidStatusLine = 1,

    /// <summary>The version is well formed but not HTTP/1.x (HTTP/0.9, HTTP/2.0 and above are not spoken over this framing).</summary>
    UnsupportedVersion,

    /// <summary>The status code is not three digits, or is below 100 (RFC 9110 §15: no class, invalid).</summary>
    InvalidStatusCode,

    /// <summary>The reason phrase holds a control byte other than HTAB (RFC 9112 §4).</summary>
    InvalidReasonPhrase,

    /// <summary>A CR that is not immediately followed by LF (RFC 9112 §2.2: a bare CR is invalid outside content).</summary>
    BareCarriageReturn,

    /// <summary>A field line has no colon, an empty name, or a name byte that is not a token character (RFC 9110 §5.1).</summary>
    InvalidHeaderName,

    /// <summary>Whitespace between a field name and the colon (RFC 9112 §5.1: MUST be rejected).</summary>
    WhitespaceBeforeColon,

    /// <summary>Whitespace at the start of the first field line (RFC 9112 §2.2: reject, or ignore the line).</summary>
    WhitespaceBeforeFirstHeader,

    /// <summary>A field value holds NUL, CR, LF or another control byte (RFC 9110 §5.5).</summary>
    InvalidHeaderValue,

    /// <summary>The response head is larger than <see cref="Http11ResponseParser.MaxHeadSize"/>.</summary>
    HeadTooLarge,

    /// <summary>The head or the trailer section has more than <see cref="Http11ResponseParser.MaxFieldCount"/> fields.</summary>
    TooManyHeaders,

    /// <summary>A Content-Length value is not a decimal number that fits in 63 bits (RFC 9110 §8.6).</summary>
    InvalidContentLength,

    /// <summary>Content-Length fields (or list members) disagree (RFC 9112 §6.3 rule 5).</summary>
    ConflictingContentLength,

    /// <summary>Transfer-Encoding whose final coding is not chunked, together with Content-Length: no safe way to find the end.</summary>
    TransferEncodingWithContentLength,

    /// <summary>Transfer-Encoding in an HTTP/1.0 response (RFC 9112 §6.1: treat the framing as faulty).</summary>
    TransferEncodingInHttp10,

    /// <summary>A chunk-size line does not start with a hex digit or has a byte that does not belong in it (RFC 9112 §7.1).</summary>
    InvalidChunkSize,

    /// <summary>The chunk size does not fit in <see cref="ChunkedDecoder.MaxChunkSize"/>.</summary>
    ChunkSizeTooLarge,

    /// <summary>A chunk extension does not follow <c>;name[=token|quoted-string]</c> (RFC 9112 §7.1.1).</summary>
    InvalidChunkExtension,

    /// <summary>A chunk-size line is longer than <see cref="ChunkedDecoder.MaxChunkLineLength"/>.</summary>
    ChunkLineTooLong,

    /// <summary>Chunk data is not followed by CRLF, or a chunk line ends without CRLF.</summary>
    InvalidChunkTerminator,

    /// <summary>A field line in the trailer section is malformed, or the section is too large.</summary>
    InvalidTrailer,
}
