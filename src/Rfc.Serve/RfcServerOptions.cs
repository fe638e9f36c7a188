using System.Net;

namespace Rfc.Serve;

/// <summary>How <see cref="RfcServer"/> runs.</summary>
internal sealed record RfcServerOptions
{
    /// <summary>Where to listen; port 0 takes a free port (tests).</summary>
    public IPEndPoint Listen { get; init; } = new(IPAddress.Loopback, 8080);

    /// <summary>Receives one line per request (method, path, status, bytes, milliseconds); null logs nothing.</summary>
    public TextWriter? Log { get; init; }
}
