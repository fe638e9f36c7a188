using System.Net;
using System.Net.Sockets;

namespace Rfc.Testing;

/// <summary>Finds a loopback port with nothing listening: for connection-refused tests, and for servers started on it.</summary>
public static class ClosedPort
{
    /// <summary>A port that was just free on <paramref name="address"/> (127.0.0.1 by default): bound, then released.</summary>
    public static int Get(IPAddress? address = null)
    {
        address ??= IPAddress.Loopback;
        using Socket socket = new(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(address, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
