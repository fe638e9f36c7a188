using System.Buffers;
using System.Globalization;
using System.Text;
using Rfc.Transport;

namespace Rfc.Http.Http11;

/// <summary>
/// Serialises a GET or HEAD request (RFC 9112 §3). Nothing from user input reaches the wire without
/// validation: every field value is checked for CR, LF, NUL and other control bytes, so a crafted URL or
/// header cannot inject a second request or header (request smuggling, CWE-113).
/// </summary>
internal static class Http11RequestWriter
{
    /// <summary>
    /// Writes the request head for <paramref name="request"/> into <paramref name="output"/>.
    /// <paramref name="absoluteForm"/> uses the absolute-form target (RFC 9112 §3.2.2), which a plain
    /// http request through a proxy needs; <paramref name="proxyAuthorization"/> is then the proxy's
    /// credentials (RFC 9110 §11.7.2), or null.
    /// </summary>
    public static void Write(FetchRequest request, string userAgent, string? proxyAuthorization, bool absoluteForm, IBufferWriter<byte> output)
    {
        Uri uri = request.Uri;
        if (request.Method is not ("GET" or "HEAD"))
        {
            throw new ArgumentException($"method {request.Method} is not supported", nameof(request));
        }

        string target = absoluteForm ? uri.GetComponents(UriComponents.HttpRequestUrl, UriFormat.UriEscaped) : uri.GetComponents(UriComponents.PathAndQuery, UriFormat.UriEscaped);
        if (target.Length == 0)
        {
            target = "/";
        }

        Check("request target", target, allowSpace: false, uri);
        StringBuilder head = new(256);
        head.Append(request.Method).Append(' ').Append(target).Append(" HTTP/1.1\r\n");
        AppendField(head, "Host", HostField(uri), uri);
        AppendField(head, "User-Agent", userAgent, uri);
        AppendField(head, "Accept", "text/plain, */*", uri);
        AppendField(head, "Connection", "keep-alive", uri);
        if (proxyAuthorization is not null)
        {
            AppendField(head, "Proxy-Authorization", proxyAuthorization, uri);
        }
        if (request.IfNoneMatch is { } etag)
        {
            AppendField(head, "If-None-Match", etag, uri);
        }

        if (request.IfModifiedSince is { } since)
        {
            AppendField(head, "If-Modified-Since", since.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture), uri);
        }

        head.Append("\r\n");
        Encoding.ASCII.GetBytes(head.ToString(), output);
    }

    /// <summary>Writes a <c>CONNECT host:port</c> request for a tunnel through a proxy (RFC 9110 §9.3.6).</summary>
    public static void WriteConnect(string host, int port, string userAgent, string? proxyAuthorization, IBufferWriter<byte> output)
    {
        string authority = HostText.Authority(host, port);
        Check("tunnel target", authority, allowSpace: false, null);
        StringBuilder head = new(128);
        head.Append("CONNECT ").Append(authority).Append(" HTTP/1.1\r\n");
        AppendField(head, "Host", authority, null);
        AppendField(head, "User-Agent", userAgent, null);
        if (proxyAuthorization is not null)
        {
            AppendField(head, "Proxy-Authorization", proxyAuthorization, null);
        }

        head.Append("\r\n");
        Encoding.ASCII.GetBytes(head.ToString(), output);
    }

    /// <summary>
    /// The <c>Host</c> field (RFC 9112 §3.2): the host as in the URL (IPv6 literals in brackets, IDNs in
    /// punycode) with the port only when it is not the scheme's default.
    /// </summary>
    public static string HostField(Uri uri)
    {
        string host = HostText.Host(uri);
        return uri.IsDefaultPort ? host : string.Create(CultureInfo.InvariantCulture, $"{host}:{uri.Port}");
    }

    private static void AppendField(StringBuilder head, string name, string value, Uri? uri)
    {
        Check(name, value, allowSpace: true, uri);
        head.Append(name).Append(": ").Append(value).Append("\r\n");
    }

    /// <summary>
    /// RFC 9110 §5.5: field values are visible ASCII, SP and HTAB. Anything else (CR and LF above all) is
    /// refused before a byte is written.
    /// </summary>
    private static void Check(string what, string value, bool allowSpace, Uri? uri)
    {
        foreach (char c in value)
        {
            bool ok = c is > ' ' and < '\x7F' || (allowSpace && c is ' ' or '\t');
            if (!ok)
            {
                string where = uri is null ? string.Empty : $" for {uri}";
                throw new FetchException(FetchLayer.Http, $"refusing to send a {what} containing the byte 0x{(int)c:X2}{where} (it would corrupt the request)");
            }
        }
    }
}
