using System.Net;
using System.Net.Sockets;

namespace Rfc.Testing;

/// <summary>
/// A loopback port with nothing listening, for connection-refused tests: a socket bound to it but not listening, held
/// until disposed, so connects are refused (RST) and no other test or process can take the port meanwhile.
/// </summary>
public sealed class ClosedPort : IDisposable
{
    private readonly Socket _socket;

    private ClosedPort(Socket socket) => _socket = socket;

    /// <summary>The port.</summary>
    public int Port => ((IPEndPoint)_socket.LocalEndPoint!).Port;

    /// <summary>Binds a socket to a free port of <paramref name="address"/> (127.0.0.1 by default) without listening.</summary>
    public static ClosedPort Open(IPAddress? address = null)
    {
        address ??= IPAddress.Loopback;
        Socket socket = new(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(address, 0));
        return new ClosedPort(socket);
    }

    /// <inheritdoc />
    public void Dispose() => _socket.Dispose();
}
