using System.Net.Sockets;

namespace Rfc.Transport;

/// <summary>
/// The one exception every transport throws: it names the layer that failed, the endpoint, and the
/// operating system's error or the HTTP status where there is one. The original error is kept as
/// <see cref="Exception.InnerException"/>.
/// </summary>
public sealed class FetchException : Exception
{
    /// <summary>Creates an exception for a failure at <paramref name="layer"/>.</summary>
    public FetchException(FetchLayer layer, string message, Exception? inner = null)
        : base(message, inner)
    {
        Layer = layer;
    }

    /// <summary>Creates an exception without a layer; prefer the constructor that names one.</summary>
    public FetchException() : this(FetchLayer.Http, "fetch failed") { }

    /// <summary>Creates an exception without a layer; prefer the constructor that names one.</summary>
    public FetchException(string message) : this(FetchLayer.Http, message) { }

    /// <summary>Creates an exception without a layer; prefer the constructor that names one.</summary>
    public FetchException(string message, Exception inner) : this(FetchLayer.Http, message, inner) { }

    /// <summary>The layer that failed.</summary>
    public FetchLayer Layer { get; }

    /// <summary>The operating system's socket error, for name resolution and TCP failures.</summary>
    public SocketError? SocketError { get; init; }

    /// <summary>The HTTP status code, when the failure is an HTTP status.</summary>
    public int? StatusCode { get; init; }

    /// <summary>True when the failure is a timeout (connect, TLS handshake or waiting for bytes).</summary>
    public bool IsTimeout { get; init; }

    /// <summary>For an HTTP-layer timeout: which limit tripped (the read timeout, the head's deadline, the low-speed floor, the total time).</summary>
    public FetchLimit? Limit { get; init; }

    /// <summary>
    /// True when the cause is the network rather than the server's answer: every failure below HTTP,
    /// and timeouts at any layer.
    /// </summary>
    public bool IsNetworkFailure => Layer is FetchLayer.NameResolution or FetchLayer.Tcp or FetchLayer.Tls || IsTimeout;
}
