using System.Globalization;
using System.Net;

namespace Rfc.Http.Http11;

/// <summary>
/// How a response's body is delimited and whether the connection can carry another request afterwards,
/// chosen once from the head and the request method (RFC 9112 §6.3, §9.3).
/// </summary>
/// <param name="Kind">How the end of the body is found.</param>
/// <param name="Length">The body length for <see cref="BodyFramingKind.ContentLength"/>; 0 otherwise.</param>
/// <param name="KeepAlive">
/// True when, after the body has been read completely, the connection may be reused: false for
/// <c>Connection: close</c>, HTTP/1.0 without <c>keep-alive</c>, a close-delimited body, a 101, and a
/// response with both Transfer-Encoding and Content-Length (a smuggling signal, RFC 9112 §6.3 rule 3).
/// </param>
internal readonly record struct BodyFraming(BodyFramingKind Kind, long Length, bool KeepAlive)
{
    /// <summary>
    /// The largest Content-Length accepted: body sizes are <see cref="long"/> throughout .NET (Stream), and
    /// RFC 9110 §8.6 requires a recipient to reject a value it cannot represent rather than wrap around.
    /// </summary>
    public const long MaxContentLength = long.MaxValue;

    /// <summary>
    /// Chooses the framing of the response <paramref name="head"/> to a request with
    /// <paramref name="requestMethod"/> (<c>GET</c> or <c>HEAD</c>).
    /// </summary>
    /// <remarks>
    /// Content-Length is validated even when it is ignored (HEAD, 204, 304): RFC 9112 §6.3 rule 5 makes an
    /// invalid one an unrecoverable error. Identical repeated values (fields or list members) are accepted
    /// as one (RFC 9110 §8.6); different values are rejected. Transfer-Encoding whose final coding is not
    /// chunked delimits the body by the close (rule 4, passing the coded bytes through); if Content-Length is
    /// also present the message is rejected, since the two framings disagree on where it ends.
    /// Transfer-Encoding in HTTP/1.0 is rejected (RFC 9112 §6.1: the framing is faulty).
    /// </remarks>
    /// <exception cref="Http11ParseException">The framing fields are invalid or contradict each other.</exception>
    public static BodyFraming Determine(Http11ResponseHead head, string requestMethod)
    {
        ArgumentNullException.ThrowIfNull(head);
        ArgumentNullException.ThrowIfNull(requestMethod);

        long? contentLength = null;
        bool hasTransferEncoding = false;
        string? finalCoding = null;
        bool close = false;
        bool keepAliveToken = false;
        foreach (KeyValuePair<string, string> field in head.Headers)
        {
            if (field.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                contentLength = ParseContentLength(field.Value, contentLength);
            }
            else if (field.Key.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                hasTransferEncoding = true;
                finalCoding = LastListMember(field.Value) ?? finalCoding;
            }
            else if (field.Key.Equals("Connection", StringComparison.OrdinalIgnoreCase))
            {
                foreach (Range range in field.Value.AsSpan().Split(','))
                {
                    ReadOnlySpan<char> option = field.Value.AsSpan()[range].Trim(" \t");
                    close |= option.Equals("close", StringComparison.OrdinalIgnoreCase);
                    keepAliveToken |= option.Equals("keep-alive", StringComparison.OrdinalIgnoreCase);
                }
            }
        }

        // RFC 9112 §9.3: "close" ends persistence; otherwise HTTP/1.1 persists and HTTP/1.0 only with "keep-alive".
        bool keepAlive = !close && (head.Version == HttpVersion.Version11 || keepAliveToken);
        int status = head.StatusCode;

        if (status == 101)
        {
            return new(BodyFramingKind.None, 0, KeepAlive: false);
        }

        // Rule 1: these responses end at the empty line whatever their header fields say.
        if (requestMethod.Equals("HEAD", StringComparison.Ordinal) || status is (>= 100 and < 200) or 204 or 304)
        {
            return new(BodyFramingKind.None, 0, keepAlive);
        }

        if (hasTransferEncoding)
        {
            if (head.Version == HttpVersion.Version10)
            {
                throw Error(Http11ParseError.TransferEncodingInHttp10, "Transfer-Encoding in an HTTP/1.0 response", head, "Transfer-Encoding");
            }

            if (string.Equals(finalCoding, "chunked", StringComparison.OrdinalIgnoreCase))
            {
                // Rule 3: Transfer-Encoding overrides Content-Length, but the pair hints at smuggling: do not reuse.
                return new(BodyFramingKind.Chunked, 0, keepAlive && contentLength is null);
            }

            if (contentLength is not null)
            {
                throw Error(Http11ParseError.TransferEncodingWithContentLength, "Transfer-Encoding without final chunked together with Content-Length", head, "Transfer-Encoding");
            }

            return new(BodyFramingKind.CloseDelimited, 0, KeepAlive: false);
        }

        if (contentLength is long length)
        {
            return new(BodyFramingKind.ContentLength, length, keepAlive);
        }

        // Rule 8: no framing fields, so the body runs to the close and the connection cannot be reused.
        return new(BodyFramingKind.CloseDelimited, 0, KeepAlive: false);
    }

    // RFC 9110 §8.6: Content-Length = 1*DIGIT; a list of identical values (from a proxy joining fields) may be
    // taken as one value.
    private static long ParseContentLength(string value, long? previous)
    {
        long? result = previous;
        ReadOnlySpan<char> text = value.AsSpan();
        foreach (Range range in text.Split(','))
        {
            ReadOnlySpan<char> member = text[range].Trim(" \t");
            if (member.IsEmpty)
            {
                throw Error(Http11ParseError.InvalidContentLength, "Invalid Content-Length", value);
            }

            // 1*DIGIT only: no sign, no whitespace, no thousands separators; a value beyond long is rejected, not wrapped.
            if (!long.TryParse(member, NumberStyles.None, CultureInfo.InvariantCulture, out long parsed))
            {
                throw Error(Http11ParseError.InvalidContentLength, member.ContainsAnyExceptInRange('0', '9') ? "Invalid Content-Length" : "Content-Length too large", value);
            }

            if (result is long known && known != parsed)
            {
                throw Error(Http11ParseError.ConflictingContentLength, "Conflicting Content-Length values", value);
            }

            result = parsed;
        }

        return result!.Value;
    }

    // RFC 9110 §5.6.1: empty list members are ignored. Returns null when the field holds no member.
    private static string? LastListMember(string value)
    {
        ReadOnlySpan<char> text = value.AsSpan();
        string? last = null;
        foreach (Range range in text.Split(','))
        {
            ReadOnlySpan<char> member = text[range].Trim(" \t");
            if (!member.IsEmpty)
            {
                last = member.ToString();
            }
        }

        return last;
    }

    private static Http11ParseException Error(Http11ParseError reason, string what, string value) =>
        new(reason, $"{what}: '{Http11Syntax.Escape(value)}'");

    private static Http11ParseException Error(Http11ParseError reason, string what, Http11ResponseHead head, string name) =>
        Error(reason, what, head.Header(name) ?? string.Empty);
}
