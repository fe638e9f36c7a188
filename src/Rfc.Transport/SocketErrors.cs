using System.Net.Sockets;

namespace Rfc.Transport;

/// <summary>Names socket errors the way the C library does, so messages read like a traceback from the OS.</summary>
public static class SocketErrors
{
    /// <summary>
    /// The POSIX name of <paramref name="error"/> (<c>ECONNREFUSED</c>), or for name resolution the
    /// <c>getaddrinfo</c> name (<c>EAI_NONAME</c>); the enum name when there is no standard one.
    /// </summary>
    public static string Name(SocketError error) => error switch
    {
        SocketError.ConnectionRefused => "ECONNREFUSED",
        SocketError.ConnectionReset => "ECONNRESET",
        SocketError.ConnectionAborted => "ECONNABORTED",
        SocketError.TimedOut => "ETIMEDOUT",
        SocketError.HostUnreachable => "EHOSTUNREACH",
        SocketError.HostDown => "EHOSTDOWN",
        SocketError.NetworkUnreachable => "ENETUNREACH",
        SocketError.NetworkDown => "ENETDOWN",
        SocketError.NetworkReset => "ENETRESET",
        SocketError.AddressNotAvailable => "EADDRNOTAVAIL",
        SocketError.AddressFamilyNotSupported => "EAFNOSUPPORT",
        SocketError.AccessDenied => "EACCES",
        SocketError.Shutdown => "EPIPE",
        SocketError.NotConnected => "ENOTCONN",
        SocketError.TooManyOpenSockets => "EMFILE",
        SocketError.NoBufferSpaceAvailable => "ENOBUFS",
        SocketError.HostNotFound => "EAI_NONAME",
        SocketError.TryAgain => "EAI_AGAIN",
        SocketError.NoData => "EAI_NODATA",
        SocketError.NoRecovery => "EAI_FAIL",
        _ => error.ToString(),
    };

    /// <summary>
    /// What <paramref name="error"/> means, in our own words (a <see cref="SocketException"/>'s message may be
    /// a resource key under NativeAOT, and differs between platforms).
    /// </summary>
    public static string Describe(SocketError error) => error switch
    {
        SocketError.ConnectionRefused => "connection refused",
        SocketError.ConnectionReset => "connection reset by peer",
        SocketError.ConnectionAborted => "connection aborted",
        SocketError.TimedOut => "connection timed out",
        SocketError.HostUnreachable => "no route to host",
        SocketError.HostDown => "host is down",
        SocketError.NetworkUnreachable => "network is unreachable",
        SocketError.NetworkDown => "network is down",
        SocketError.NetworkReset => "network dropped the connection",
        SocketError.AddressNotAvailable => "address not available",
        SocketError.AddressFamilyNotSupported => "address family not supported",
        SocketError.AccessDenied => "permission denied",
        SocketError.Shutdown => "broken pipe",
        SocketError.NotConnected => "not connected",
        SocketError.TooManyOpenSockets => "too many open files",
        SocketError.NoBufferSpaceAvailable => "no buffer space available",
        SocketError.HostNotFound => "name or service not known",
        SocketError.TryAgain => "temporary failure in name resolution",
        SocketError.NoData => "no address for this name",
        SocketError.NoRecovery => "non-recoverable failure in name resolution",
        _ => error.ToString(),
    };
}
