using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Net;

namespace Rfc.Http.Http11;

/// <summary>
/// Parses an HTTP/1.1 response head (RFC 9112 §4, §5) from a span: pure, no I/O and no state between
/// calls. A connection calls <see cref="TryParseHead"/> with everything it has buffered; when the head is
/// incomplete nothing is consumed and the caller retries with more bytes. Every rejection is an
/// <see cref="Http11ParseException"/>.
/// </summary>
/// <remarks>
/// Leniencies, each one the robustness RFC 9112 allows a recipient and that browsers practise:
/// a bare LF ends a line (§2.2); empty lines before the status line are skipped (§2.2); an obs-fold in a
/// response is replaced by one space (§5.2, the user-agent rule). Strictness: a bare CR anywhere in the head,
/// whitespace before a colon or before the first field, NUL and every other control byte except HTAB in a
/// value (§5.5 grammar), a missing colon and an empty name are rejected; exactly one SP separates the
/// status-line tokens.
/// </remarks>
internal static class Http11ResponseParser
{
    /// <summary>
    /// The largest head accepted, from the first byte (including skipped empty lines) to the end of the
    /// empty line. 64 KiB is what SocketsHttpHandler allows by default (MaxResponseHeadersLength); real RFC
    /// servers send under 1 KiB. Bounds the memory a hostile server can make us buffer.
    /// </summary>
    public const int MaxHeadSize = 64 * 1024;

    /// <summary>
    /// The most header fields (or trailer fields) accepted. Kestrel's default MaxRequestHeaderCount is 100;
    /// it bounds the per-field allocations a server can force.
    /// </summary>
    public const int MaxFieldCount = 100;

    /// <summary>
    /// The rejection of a head with too many fields, without the offending line: HttpClient's transport says
    /// the same words (it has no raw line to show).
    /// </summary>
    internal const string TooManyFieldsDetail = "More than 100 header fields";

    private static ReadOnlySpan<byte> HttpName => "HTTP/"u8;

    // "HTTP/1.1 200" is the shortest valid status line: name, d.d, SP, three digits.
    private const int MinStatusLineLength = 12;

    /// <summary>
    /// Parses one response head from the start of <paramref name="buffer"/>.
    /// </summary>
    /// <param name="buffer">Everything received and not yet consumed.</param>
    /// <param name="head">The head, when the result is true.</param>
    /// <param name="consumed">
    /// Bytes that made up the head (skipped empty lines, status line, fields and the empty line) when the
    /// result is true; 0 otherwise.
    /// </param>
    /// <returns>True when a complete head was parsed; false when more bytes are needed.</returns>
    /// <exception cref="Http11ParseException">The bytes are not a valid response head (or not HTTP at all).</exception>
    public static bool TryParseHead(ReadOnlySpan<byte> buffer, [NotNullWhen(true)] out Http11ResponseHead? head, out int consumed)
    {
        head = null;
        consumed = 0;

        // Everything below looks only at the first MaxHeadSize bytes, so the outcome for a long input is
        // the same whether it arrives whole or in pieces.
        ReadOnlySpan<byte> window = buffer.Length > MaxHeadSize ? buffer[..MaxHeadSize] : buffer;

        int start = SkipEmptyLines(window);
        ReadOnlySpan<byte> rest = window[start..];
        if (rest.Length == 1 && rest[0] == (byte)'\r')
        {
            return NeedMore(buffer); // the CR of an empty line, or of garbage: the next byte decides
        }

        // Fail fast on bytes that cannot become a status line (TLS, garbage), before the head is complete.
        int known = Math.Min(rest.Length, HttpName.Length);
        if (!rest[..known].SequenceEqual(HttpName[..known]))
        {
            throw Error(Http11ParseError.InvalidStatusLine, "Invalid response status line", LineAt(rest));
        }

        int statusLineEnd = rest.IndexOf((byte)'\n');
        if (statusLineEnd < 0)
        {
            return NeedMore(buffer);
        }

        StatusLine statusLine = ParseStatusLine(StripCr(rest[..statusLineEnd]));

        int headEnd = FindEndOfHead(rest, statusLineEnd + 1);
        if (headEnd < 0)
        {
            return NeedMore(buffer);
        }

        List<KeyValuePair<string, string>> headers = ParseFields(rest[(statusLineEnd + 1)..headEnd]);
        string reason = Http11Syntax.Decode(rest.Slice(statusLine.ReasonStart, statusLine.ReasonLength));
        head = new Http11ResponseHead(statusLine.Version, statusLine.StatusCode, reason, headers);
        consumed = start + headEnd;
        return true;
    }

    private static bool NeedMore(ReadOnlySpan<byte> buffer)
    {
        if (buffer.Length >= MaxHeadSize)
        {
            throw Error(Http11ParseError.HeadTooLarge, $"Response head exceeds {MaxHeadSize} bytes", buffer[..Http11Syntax.MaxBytesShown]);
        }

        return false;
    }

    // RFC 9112 §2.2 lets a server ignore empty lines before a request line; peers (llhttp, httparse,
    // browsers) do the same before a status line, e.g. a stray CRLF after a 100 Continue.
    private static int SkipEmptyLines(ReadOnlySpan<byte> window)
    {
        int i = 0;
        while (i < window.Length)
        {
            if (window[i] == (byte)'\n')
            {
                i++;
            }
            else if (window[i] == (byte)'\r' && i + 1 < window.Length && window[i + 1] == (byte)'\n')
            {
                i += 2;
            }
            else
            {
                break;
            }
        }

        return i;
    }

    /// <summary>The index just past the empty line that ends the head, or -1 when it has not arrived.</summary>
    private static int FindEndOfHead(ReadOnlySpan<byte> rest, int lineStart)
    {
        while (lineStart < rest.Length)
        {
            if (rest[lineStart] == (byte)'\n')
            {
                return lineStart + 1;
            }

            if (rest[lineStart] == (byte)'\r')
            {
                if (lineStart + 1 >= rest.Length)
                {
                    return -1;
                }

                if (rest[lineStart + 1] == (byte)'\n')
                {
                    return lineStart + 2;
                }
            }

            int lf = rest[lineStart..].IndexOf((byte)'\n');
            if (lf < 0)
            {
                return -1;
            }

            lineStart += lf + 1;
        }

        return -1;
    }

    /// <summary>A line without its CR (the LF is already excluded); a bare LF ending is accepted (RFC 9112 §2.2).</summary>
    private static ReadOnlySpan<byte> StripCr(ReadOnlySpan<byte> line) =>
        !line.IsEmpty && line[^1] == (byte)'\r' ? line[..^1] : line;

    private static ReadOnlySpan<byte> LineAt(ReadOnlySpan<byte> bytes)
    {
        int lf = bytes.IndexOf((byte)'\n');
        return lf < 0 ? bytes : bytes[..(lf + 1)];
    }

    // RFC 9112 §4: status-line = HTTP-version SP status-code SP [ reason-phrase ]
    // The SP before an empty reason is optional in practice ("HTTP/1.1 200\r\n"; Go, h11 and httparse accept it).
    private static StatusLine ParseStatusLine(ReadOnlySpan<byte> line)
    {
        if (line.IndexOf((byte)'\r') >= 0)
        {
            throw Error(Http11ParseError.BareCarriageReturn, "Bare CR in response status line", line);
        }

        // HTTP-version = "HTTP/" DIGIT "." DIGIT (§2.3): one digit each, case-sensitive name.
        if (line.Length < MinStatusLineLength || !line.StartsWith(HttpName)
            || !char.IsAsciiDigit((char)line[5]) || line[6] != (byte)'.' || !char.IsAsciiDigit((char)line[7]))
        {
            throw Error(Http11ParseError.InvalidStatusLine, "Invalid response status line", line);
        }

        int major = line[5] - '0';
        int minor = line[7] - '0';
        if (major != 1)
        {
            throw Error(Http11ParseError.UnsupportedVersion, "Unsupported HTTP version in status line", line);
        }

        if (line[8] != (byte)' ')
        {
            throw Error(Http11ParseError.InvalidStatusLine, "Invalid response status line", line);
        }

        // status-code = 3DIGIT, 100..999: a code below 100 has no class (RFC 9110 §15). 600..999 are
        // accepted like every peer does; RFC 9110 §15 tells the caller to treat them as 5xx.
        ReadOnlySpan<byte> code = line.Slice(9, 3);
        if (!char.IsAsciiDigit((char)code[0]) || !char.IsAsciiDigit((char)code[1]) || !char.IsAsciiDigit((char)code[2]))
        {
            throw Error(Http11ParseError.InvalidStatusCode, "Invalid status code in status line", line);
        }

        int statusCode = ((code[0] - '0') * 100) + ((code[1] - '0') * 10) + (code[2] - '0');
        if (statusCode < 100)
        {
            throw Error(Http11ParseError.InvalidStatusCode, "Invalid status code in status line", line);
        }

        int reasonStart = MinStatusLineLength;
        if (line.Length > MinStatusLineLength)
        {
            if (line[MinStatusLineLength] != (byte)' ')
            {
                throw Error(Http11ParseError.InvalidStatusCode, "Invalid status code in status line", line);
            }

            reasonStart++;
        }

        // reason-phrase = 1*( HTAB / SP / VCHAR / obs-text )
        ReadOnlySpan<byte> reason = line[reasonStart..];
        if (Http11Syntax.IndexOfInvalidFieldValueByte(reason) >= 0)
        {
            throw Error(Http11ParseError.InvalidReasonPhrase, "Invalid reason phrase in status line", line);
        }

        Version version = minor == 0 ? HttpVersion.Version10 : HttpVersion.Version11;
        return new StatusLine(version, statusCode, reasonStart, reason.Length);
    }

    private static List<KeyValuePair<string, string>> ParseFields(ReadOnlySpan<byte> section)
    {
        List<KeyValuePair<string, string>> headers = [];
        while (true)
        {
            int lf = section.IndexOf((byte)'\n');
            Debug.Assert(lf >= 0, "FindEndOfHead guarantees every line ends with LF");
            ReadOnlySpan<byte> rawLine = section[..(lf + 1)];
            ReadOnlySpan<byte> line = StripCr(section[..lf]);
            section = section[(lf + 1)..];
            if (line.IsEmpty)
            {
                Debug.Assert(section.IsEmpty, "the empty line is the last line of the section");
                return headers;
            }

            if (line.IndexOf((byte)'\r') >= 0)
            {
                throw Error(Http11ParseError.BareCarriageReturn, "Bare CR in header line", rawLine);
            }

            if (Http11Syntax.IsWhitespace(line[0]))
            {
                if (headers.Count == 0)
                {
                    // RFC 9112 §2.2: reject, since the line could hide a field from us but not from others.
                    throw Error(Http11ParseError.WhitespaceBeforeFirstHeader, "Whitespace before the first header line", rawLine);
                }

                // RFC 9112 §5.2: a user agent replaces each obs-fold with SP before interpreting the value.
                ReadOnlySpan<byte> continuation = Http11Syntax.TrimWhitespace(line);
                ValidateValue(continuation, rawLine);
                if (!continuation.IsEmpty)
                {
                    KeyValuePair<string, string> previous = headers[^1];
                    string folded = Http11Syntax.Decode(continuation);
                    headers[^1] = new(previous.Key, previous.Value.Length == 0 ? folded : previous.Value + " " + folded);
                }

                continue;
            }

            int colon = line.IndexOf((byte)':');
            if (colon <= 0)
            {
                throw Error(Http11ParseError.InvalidHeaderName, colon < 0 ? "Header line without a colon" : "Empty header name", rawLine);
            }

            ReadOnlySpan<byte> name = line[..colon];
            int bad = Http11Syntax.IndexOfNonToken(name);
            if (bad >= 0)
            {
                bool trailingWhitespace = Http11Syntax.TrimWhitespace(name[bad..]).IsEmpty;
                throw trailingWhitespace
                    ? Error(Http11ParseError.WhitespaceBeforeColon, "Whitespace between header name and colon", rawLine)
                    : Error(Http11ParseError.InvalidHeaderName, "Invalid byte in header name", rawLine);
            }

            ReadOnlySpan<byte> value = Http11Syntax.TrimWhitespace(line[(colon + 1)..]);
            ValidateValue(value, rawLine);

            if (headers.Count == MaxFieldCount)
            {
                throw new Http11ParseException(Http11ParseError.TooManyHeaders, TooManyFieldsDetail);
            }

            headers.Add(new(Http11Syntax.Decode(name), DecodeValue(name, value)));
        }
    }

    /// <summary>
    /// Field values are ISO-8859-1 (RFC 9110 §5.5), except <c>Location</c>: servers send raw UTF-8 there, and
    /// decoding it as Latin-1 would percent-encode every byte of a character twice when the URL is built. Valid
    /// UTF-8 is read as UTF-8, as SocketsHttpHandler does.
    /// </summary>
    private static string DecodeValue(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value)
    {
        if (System.Text.Ascii.EqualsIgnoreCase(name, "Location"u8) && !System.Text.Ascii.IsValid(value) && System.Text.Unicode.Utf8.IsValid(value))
        {
            return System.Text.Encoding.UTF8.GetString(value);
        }

        return Http11Syntax.Decode(value);
    }

    private static void ValidateValue(ReadOnlySpan<byte> value, ReadOnlySpan<byte> rawLine)
    {
        if (Http11Syntax.IndexOfInvalidFieldValueByte(value) >= 0)
        {
            throw Error(Http11ParseError.InvalidHeaderValue, "Invalid byte in header value", rawLine);
        }
    }

    internal static Http11ParseException Error(Http11ParseError reason, string what, ReadOnlySpan<byte> bytes) =>
        new(reason, $"{what}: '{Http11Syntax.Escape(bytes)}'");

    private readonly record struct StatusLine(Version Version, int StatusCode, int ReasonStart, int ReasonLength);
}
