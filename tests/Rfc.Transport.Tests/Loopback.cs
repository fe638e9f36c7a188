using System.Net;
using System.Net.Sockets;

namespace Rfc.Transport.Tests;

/// <summary>Loopback sockets for connect tests: listeners, closed ports, and black holes.</summary>
internal static class Loopback
{
    public static bool IPv6Available => Rfc.Testing.IPv6Loopback.IsAvailable;

    public static void RequireIPv6()
    {
        if (Rfc.Testing.IPv6Loopback.SkipReason is { } reason)
        {
            Assert.Skip(reason);
        }
    }

    /// <summary>A listening socket on <paramref name="address"/> (port 0 picks a free one).</summary>
    public static Socket Listen(IPAddress address, int port = 0, int backlog = 16)
    {
        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(address, port));
        socket.Listen(backlog);
        return socket;
    }

    /// <summary>
    /// A bound socket that does not listen: connects to its port are refused (RST), and holding it
    /// keeps anyone else from taking the port during the test.
    /// </summary>
    public static Socket Closed(IPAddress address, int port = 0)
    {
        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(address, port));
        return socket;
    }

    public static int Port(this Socket socket) => ((IPEndPoint)socket.LocalEndPoint!).Port;

    /// <summary>
    /// Binds <paramref name="four"/> to a free port of 127.0.0.1, then <paramref name="six"/> to the same
    /// port of [::1], trying another port when that one is taken on IPv6.
    /// </summary>
    public static async Task<(Socket Four, T Six)> OnSamePortAsync<T>(Func<int, Socket> four, Func<int, Task<T>> six)
    {
        for (int attempt = 0; ; attempt++)
        {
            Socket first = four(0);
            try
            {
                return (first, await six(first.Port()));
            }
            catch (SocketException) when (attempt < 20)
            {
                first.Dispose();
            }
        }
    }
}

/// <summary>
/// A listener whose accept queue is full, so that further connects get no answer: their SYNs are
/// dropped and the connect hangs, as with a black-holed route.
/// </summary>
internal sealed class BlackHole : IDisposable
{
    private readonly Socket _listener;
    private readonly List<Socket> _fillers = [];

    private BlackHole(Socket listener) => _listener = listener;

    public IPEndPoint EndPoint => (IPEndPoint)_listener.LocalEndPoint!;

    public static async Task<BlackHole> CreateAsync(IPAddress address, int port = 0)
    {
        var hole = new BlackHole(Loopback.Listen(address, port, backlog: 0));
        try
        {
            for (int i = 0; i < 64; i++)
            {
                var filler = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                hole._fillers.Add(filler);
                Task connect = filler.ConnectAsync(hole.EndPoint);
                _ = connect.ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
                if (await Task.WhenAny(connect, Task.Delay(300)) != connect)
                {
                    return hole; // this connect hangs: the queue is full
                }
            }
        }
        catch
        {
            hole.Dispose();
            throw;
        }

        hole.Dispose();
        throw new InvalidOperationException("could not fill the accept queue of a loopback listener");
    }

    public void Dispose()
    {
        foreach (Socket filler in _fillers)
        {
            filler.Dispose();
        }

        _listener.Dispose();
    }
}

/// <summary>Collects trace lines for assertions.</summary>
internal sealed class RecordingTraceSink : ITraceSink
{
    private readonly Lock _lock = new();
    private readonly List<(FetchLayer Layer, string Message)> _lines = [];

    public IReadOnlyList<(FetchLayer Layer, string Message)> Lines
    {
        get
        {
            lock (_lock)
            {
                return [.. _lines];
            }
        }
    }

    public void Trace(FetchLayer layer, string message)
    {
        lock (_lock)
        {
            _lines.Add((layer, message));
        }
    }
}
