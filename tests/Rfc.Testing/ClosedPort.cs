using System.Net;
using System.Net.Sockets;

namespace Rfc.Testing;

/// <summary>Finds a loopback port with nothing listening, for connection-refused tests.</summary>
public static class ClosedPort
{
    /// <summary>A port that was just free on 127.0.0.1 (bound then released).</summary>
    public static int Get()
    {
        using Socket socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
