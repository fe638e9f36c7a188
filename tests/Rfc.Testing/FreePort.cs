using System.Net;
using System.Net.Sockets;

namespace Rfc.Testing;

/// <summary>
/// A port for a server process that must bind it itself (nginx, Python): one that was free a moment ago. Only for
/// starting such servers, which retry on a clash; a test that needs a port nobody answers on uses <see cref="ClosedPort"/>.
/// </summary>
public static class FreePort
{
    /// <summary>A port that was just free on <paramref name="address"/> (127.0.0.1 by default): bound, then released.</summary>
    public static int Take(IPAddress? address = null)
    {
        address ??= IPAddress.Loopback;
        using Socket socket = new(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(address, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
