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
}
