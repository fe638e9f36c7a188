namespace Rfc.Transport;

/// <summary>The layer of the network stack at which a fetch failed, from the bottom up.</summary>
public enum FetchLayer
{
    /// <summary>Turning a host name into addresses (DNS, /etc/hosts).</summary>
    NameResolution,

    /// <summary>Establishing or using the TCP connection.</summary>
    Tcp,

    /// <summary>The TLS handshake or the encrypted stream.</summary>
    Tls,

    /// <summary>The HTTP exchange: malformed responses, unexpected statuses, redirects, proxies.</summary>
    Http,
}
