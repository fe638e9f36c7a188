using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Rfc.Transport;

/// <summary>
/// How hosts, endpoints and durations are written in messages and trace lines, for every layer: the HTTP
/// layer names hosts and timeouts with the same functions, so both transports word failures alike.
/// </summary>
internal static class HostText
{
    /// <summary>
    /// The host of <paramref name="uri"/> as it is written and connected to: an IPv6 literal in brackets
    /// and canonical (<see cref="Uri"/> normalises it), a name in its IDN (punycode) form.
    /// </summary>
    public static string Host(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return uri.HostNameType == UriHostNameType.IPv6 ? uri.Host : uri.IdnHost;
    }

    /// <summary>
    /// Removes the brackets of an IPv6 literal as written in a URI authority (<c>[::1]</c> → <c>::1</c>);
    /// any other host is returned as it is.
    /// </summary>
    public static string StripBrackets(string host) =>
        host.Length >= 2 && host[0] == '[' && host[^1] == ']' ? host[1..^1] : host;

    /// <summary>
    /// Parses <paramref name="host"/> as an IP literal: IPv6 with or without brackets, or IPv4 in
    /// dotted-quad form. Other forms <see cref="IPAddress.TryParse(string?, out IPAddress?)"/> accepts
    /// (<c>"1"</c>, <c>"0x7f.1"</c>) are left to the resolver, which treats them as inet_aton does.
    /// </summary>
    public static bool TryParseLiteral(string host, out IPAddress address)
    {
        string bare = StripBrackets(host);
        bool looksLikeLiteral = bare.Contains(':', StringComparison.Ordinal) || IsDottedQuad(bare);
        if (looksLikeLiteral && IPAddress.TryParse(bare, out IPAddress? parsed))
        {
            address = parsed;
            return true;
        }

        address = IPAddress.None;
        return false;
    }

    /// <summary>
    /// The host as the user wrote it, made canonical when it is an IP literal: IPv6 in RFC 5952 form
    /// inside brackets (<c>[::1]</c>), IPv4 and names unchanged.
    /// </summary>
    public static string Host(string host) =>
        TryParseLiteral(host, out IPAddress address) ? Address(address) : host;

    /// <summary><c>host:port</c> with IPv6 literals in brackets (RFC 3986 §3.2.2).</summary>
    public static string Authority(string host, int port) =>
        string.Create(CultureInfo.InvariantCulture, $"{Host(host)}:{port}");

    /// <summary>An address in RFC 5952 canonical text; IPv6 in brackets so a port can follow.</summary>
    public static string Address(IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();

    /// <summary>An endpoint as <c>127.0.0.1:80</c> or <c>[::1]:80</c>.</summary>
    public static string EndPoint(IPEndPoint endPoint) =>
        string.Create(CultureInfo.InvariantCulture, $"{Address(endPoint.Address)}:{endPoint.Port}");

    /// <summary>A timeout as people write it: <c>10 s</c>, <c>0.5 s</c>.</summary>
    public static string Seconds(TimeSpan duration) =>
        duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";

    /// <summary>Elapsed milliseconds with one decimal: <c>1.2 ms</c>.</summary>
    public static string Milliseconds(TimeSpan elapsed) =>
        elapsed.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture) + " ms";

    private static bool IsDottedQuad(string host)
    {
        int dots = 0;
        foreach (char c in host)
        {
            if (c == '.')
            {
                dots++;
            }
            else if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return dots == 3;
    }
}
