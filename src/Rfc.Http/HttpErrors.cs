using Rfc.Transport;

namespace Rfc.Http;

/// <summary>
/// The wording of HTTP-layer failures, in one place so both transports say the same thing for the same
/// failure (a parity test holds them to it).
/// </summary>
public static class HttpErrors
{
    /// <summary><c>host:port</c> as written in messages: IPv6 in brackets, the port always shown.</summary>
    public static string Authority(Uri uri) => HostText.Authority(HostText.Host(uri), uri.Port);

    /// <summary>The body ended before the framing said it would (RFC 9112 §8: an incomplete message).</summary>
    public static FetchException BodyIncomplete(Uri uri, Exception? inner = null) =>
        new(FetchLayer.Http, $"{Authority(uri)} closed the connection before the body was complete (the document would be cut short)", inner);

    /// <summary>The response could not be parsed as HTTP/1.x (the parser's own errors say the same).</summary>
    public static FetchException InvalidResponse(Uri uri, string detail, Exception? inner = null) =>
        new(FetchLayer.Http, $"invalid HTTP response from {Authority(uri)}: {detail}", inner);

    /// <summary>The server closed the connection before the response head was complete.</summary>
    public static FetchException NoResponse(Uri uri, Exception? inner = null) =>
        new(FetchLayer.Http, $"{Authority(uri)} closed the connection before the response head was complete", inner);

    /// <summary>The TCP connection failed under an exchange (a reset, a broken pipe).</summary>
    public static FetchException ConnectionLost(Uri uri, System.Net.Sockets.SocketError error, Exception? inner = null) =>
        new(FetchLayer.Tcp, $"connection to {Authority(uri)} was lost ({SocketErrors.Name(error)})", inner) { SocketError = error };

    /// <summary>A proxy would not open a CONNECT tunnel.</summary>
    public static FetchException TunnelRefused(Uri proxy, Uri target, string detail, Exception? inner = null) =>
        new(FetchLayer.Http, $"the proxy {Authority(proxy)} refused to open a tunnel to {Authority(target)} ({detail})", inner);
}
