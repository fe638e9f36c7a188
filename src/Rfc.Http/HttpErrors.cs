using Rfc.Transport;

namespace Rfc.Http;

/// <summary>
/// The wording of HTTP-layer failures, in one place so both transports say the same thing for the same
/// failure (a parity test holds them to it).
/// </summary>
internal static class HttpErrors
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

    /// <summary>
    /// A proxy would not open a CONNECT tunnel. The reason phrase is the standard one for the status, not the
    /// proxy's: HttpClient does not expose the proxy's, and both transports must say the same.
    /// </summary>
    public static FetchException TunnelRefused(Uri proxy, Uri target, int status, Exception? inner = null) =>
        status == 407
            ? ProxyAuthenticationRequired(proxy, inner)
            : new(FetchLayer.Http, $"proxy {Authority(proxy)} refused the tunnel to {Authority(target)}: HTTP {StatusText(status)}", inner) { StatusCode = status };

    /// <summary>A proxy answered a CONNECT tunnel with something other than an HTTP status (the status is unknown).</summary>
    public static FetchException TunnelFailed(Uri proxy, Uri target, string detail, Exception? inner = null) =>
        new(FetchLayer.Http, $"proxy {Authority(proxy)} refused the tunnel to {Authority(target)}: {detail}", inner);

    /// <summary>
    /// The proxy demands credentials (HTTP 407), or refused the ones in the proxy URL. The credentials are never
    /// part of the message.
    /// </summary>
    public static FetchException ProxyAuthenticationRequired(Uri proxy, Exception? inner = null) =>
        new(FetchLayer.Http, $"proxy {Authority(proxy)} requires authentication (HTTP 407)", inner) { StatusCode = 407 };

    /// <summary><c>403 Forbidden</c>: the code and its standard reason phrase (RFC 9110 §15), or the code alone.</summary>
    public static string StatusText(int status)
    {
        using HttpResponseMessage standard = new((System.Net.HttpStatusCode)status);
        return string.IsNullOrEmpty(standard.ReasonPhrase)
            ? status.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{status} {standard.ReasonPhrase}");
    }

    /// <summary>The response head did not arrive in full within its deadline (a server dripping it byte by byte).</summary>
    public static FetchException HeadTimeout(Uri uri, TimeSpan limit, Exception? inner = null) =>
        new(FetchLayer.Http, $"{Authority(uri)} did not send a complete response head within {HostText.Seconds(limit)}", new TimeoutException(null, inner)) { IsTimeout = true, Limit = FetchLimit.ResponseHead };

    /// <summary>The whole transfer took longer than the total time limit.</summary>
    public static FetchException MaxTimeExceeded(Uri uri, TimeSpan limit, Exception? inner = null) =>
        new(FetchLayer.Http, $"transfer from {Authority(uri)} took longer than the total time limit of {HostText.Seconds(limit)} (max time)", new TimeoutException(null, inner)) { IsTimeout = true, Limit = FetchLimit.MaxTime };

    /// <summary>The transfer stayed below the low-speed floor for a whole window.</summary>
    public static FetchException TooSlow(Uri uri, long floorBytesPerSecond, TimeSpan window) =>
        new(FetchLayer.Http, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"transfer from {Authority(uri)} stayed below {floorBytesPerSecond} bytes/s for {HostText.Seconds(window)} (low-speed limit)"), new TimeoutException()) { IsTimeout = true, Limit = FetchLimit.LowSpeed };
}
