namespace Rfc.Transport;

/// <summary>A piece of the user's own network configuration that the transport layer reads.</summary>
public enum TransportSetting
{
    /// <summary>The extra CA certificate file trusted beside the system store.</summary>
    CaFile,

    /// <summary>A proxy setting (<c>https_proxy</c>, <c>http_proxy</c>, <c>all_proxy</c>, <c>no_proxy</c>).</summary>
    Proxy,
}
