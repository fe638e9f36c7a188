using Rfc.Http;

namespace Rfc;

/// <summary>Creates a transport by its command-line name.</summary>
public static class Transports
{
    /// <summary>The names accepted by <see cref="Create"/>.</summary>
    public static IReadOnlyList<string> Names { get; } = ["http", "socket"];

    /// <summary>Creates the transport called <paramref name="name"/>.</summary>
    public static IHttpTransport Create(string name, HttpTransportOptions options) => name switch
    {
        "http" => new HttpClientTransport(options),
        "socket" => new Http.Http11.SocketHttpTransport(options),
        _ => throw new ArgumentException($"unknown transport '{name}' (use http or socket)", nameof(name)),
    };
}
