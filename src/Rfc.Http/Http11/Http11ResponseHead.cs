using System.Net;

namespace Rfc.Http.Http11;

/// <summary>
/// A parsed response head (status line and header section). Immutable; it holds only strings, so the
/// connection's buffer can be reused as soon as the parser returns.
/// </summary>
internal sealed class Http11ResponseHead
{
    /// <summary>Creates a head; the parser is the usual source, tests may build one directly.</summary>
    public Http11ResponseHead(Version version, int statusCode, string reasonPhrase, IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(reasonPhrase);
        ArgumentNullException.ThrowIfNull(headers);
        Version = version;
        StatusCode = statusCode;
        ReasonPhrase = reasonPhrase;
        Headers = headers;
    }

    /// <summary>
    /// <see cref="HttpVersion.Version10"/> or <see cref="HttpVersion.Version11"/>. HTTP/1.2 to HTTP/1.9 are
    /// reported as 1.1: RFC 9110 §2.5 says to process a higher minor version as the highest one we implement.
    /// </summary>
    public Version Version { get; }

    /// <summary>The three-digit status code, 100 to 999.</summary>
    public int StatusCode { get; }

    /// <summary>The reason phrase as sent (ISO-8859-1 decoded), or empty when the server sent none.</summary>
    public string ReasonPhrase { get; }

    /// <summary>Every header field in wire order: names as sent, values trimmed, each obs-fold replaced by one space.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    /// <summary>
    /// True for a 1xx interim response other than 101 (RFC 9110 §15.2): the caller discards it and parses
    /// the next head from the bytes that follow. 101 Switching Protocols is final: nothing after it is HTTP.
    /// </summary>
    public bool IsInterim => StatusCode is >= 100 and < 200 and not 101;

    /// <summary>The value of the first field named <paramref name="name"/> (case-insensitive), or null.</summary>
    public string? Header(string name)
    {
        foreach (KeyValuePair<string, string> field in Headers)
        {
            if (string.Equals(field.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return field.Value;
            }
        }

        return null;
    }
}
