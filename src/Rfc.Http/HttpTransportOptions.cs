using Rfc.Transport;

namespace Rfc.Http;

/// <summary>Settings shared by both transports, so that both behave the same.</summary>
public sealed record HttpTransportOptions
{
    private static string? s_defaultUserAgent;

    // Null for the default, so reading the property never changes the record (nor its equality).
    private string? _userAgent;

    /// <summary>The default for <see cref="ConnectTimeout"/>.</summary>
    public static readonly TimeSpan DefaultConnectTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The default for <see cref="ReadTimeout"/>.</summary>
    public static readonly TimeSpan DefaultReadTimeout = TimeSpan.FromSeconds(30);

    /// <summary>How long name resolution plus TCP connect (and the TLS handshake) may take.</summary>
    public TimeSpan ConnectTimeout { get; init; } = DefaultConnectTimeout;

    /// <summary>How long to wait for the next bytes from the server before giving up.</summary>
    public TimeSpan ReadTimeout { get; init; } = DefaultReadTimeout;

    /// <summary>
    /// The longest one exchange may take in total, from sending the request to the end of the body
    /// (curl's <c>--max-time</c>), or null for no total limit.
    /// </summary>
    public TimeSpan? MaxTime { get; init; }

    /// <summary>
    /// The low-speed floor in bytes per second: a body arriving slower than this over a whole
    /// <see cref="ReadTimeout"/> window fails (curl's <c>--speed-limit</c> with <c>--speed-time</c> set to the
    /// read timeout); 0 turns it off. The default, <see cref="DefaultLowSpeedLimit"/>, is far below any real link.
    /// </summary>
    public long LowSpeedLimit { get; init; } = DefaultLowSpeedLimit;

    /// <summary>
    /// The default for <see cref="LowSpeedLimit"/>: 1 KiB/s. A 100 KB RFC takes under two minutes even at that
    /// rate, while a server dripping a byte a second (which the read timeout never stops) fails after one window.
    /// </summary>
    public const long DefaultLowSpeedLimit = 1024;

    /// <summary>
    /// The most connections to one server at once. HttpClient may otherwise open an extra connection when
    /// a request starts just before another returns its connection to the pool; the mirror caps it at its
    /// job count so both transports use the same number of connections.
    /// </summary>
    public int MaxConnectionsPerServer { get; init; } = int.MaxValue;

    /// <summary>A PEM or DER certificate file trusted in addition to the system store (<c>RFC_CA_FILE</c>).</summary>
    public string? CaFile { get; init; }

    /// <summary>Where <c>--trace</c> lines go, or null.</summary>
    public ITraceSink? Trace { get; init; }

    /// <summary>The <c>User-Agent</c> header value.</summary>
    public string UserAgent
    {
        // Built when first asked for: reading the assembly's version is reflection, a measurable part of a cached
        // read (which never sends a request) in the NativeAOT build.
        get => _userAgent ?? (s_defaultUserAgent ??= "rfc/" + (typeof(HttpTransportOptions).Assembly.GetName().Version?.ToString(3) ?? "0"));
        init => _userAgent = value;
    }

    /// <summary>Environment lookup for proxy variables; defaults to the process environment.</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;
}
