using System.Net;
using System.Net.Sockets;

namespace Rfc.Testing;

/// <summary>
/// A raw TCP server on loopback that runs a script per connection: read the request head, then write
/// exactly the bytes a test wants (malformed ones included), stall, or close. For cases no real server sends.
/// </summary>
public sealed class ScriptedTcpServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly Func<NetworkStream, string, CancellationToken, Task> _script;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _acceptLoop;
    private readonly List<Task> _connections = [];
    private int _accepted;

    private ScriptedTcpServer(TcpListener listener, Func<NetworkStream, string, CancellationToken, Task> script)
    {
        _listener = listener;
        _script = script;
        _acceptLoop = AcceptLoopAsync();
    }

    /// <summary>The port the server listens on.</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>The server's root URL.</summary>
    public Uri BaseUri => new($"http://{(_listener.LocalEndpoint is IPEndPoint { AddressFamily: AddressFamily.InterNetworkV6 } ? "[::1]" : "127.0.0.1")}:{Port}/");

    /// <summary>How many connections were accepted.</summary>
    public int Connections => Volatile.Read(ref _accepted);

    /// <summary>
    /// Starts a server whose <paramref name="script"/> gets each connection's stream and its request head
    /// (up to the blank line) as text.
    /// </summary>
    public static ScriptedTcpServer Start(Func<NetworkStream, string, CancellationToken, Task> script, IPAddress? address = null)
    {
        TcpListener listener = new(address ?? IPAddress.Loopback, 0);
        listener.Start();
        return new ScriptedTcpServer(listener, script);
    }

    /// <summary>A server that answers every request with <paramref name="response"/> and then closes.</summary>
    public static ScriptedTcpServer Respond(byte[] response, IPAddress? address = null) =>
        Start(async (stream, _, token) => await stream.WriteAsync(response, token), address);

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }

            Interlocked.Increment(ref _accepted);
            lock (_connections)
            {
                _connections.Add(HandleAsync(client));
            }
        }
    }

    private async Task HandleAsync(TcpClient client)
    {
        using (client)
        {
            NetworkStream stream = client.GetStream();
            try
            {
                string head = await ReadHeadAsync(stream, _stop.Token);
                await _script(stream, head, _stop.Token);
                client.Client.Shutdown(SocketShutdown.Send);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
            }
            catch (IOException)
            {
                // The client went away: fine for a script server.
            }
            catch (SocketException)
            {
            }
        }
    }

    /// <summary>Reads one request head (up to CRLF CRLF) byte by byte, so nothing after it is consumed.</summary>
    public static async Task<string> ReadHeadAsync(Stream stream, CancellationToken cancellationToken)
    {
        List<byte> head = [];
        byte[] one = new byte[1];
        while (await stream.ReadAsync(one, cancellationToken) == 1)
        {
            head.Add(one[0]);
            int n = head.Count;
            if (n >= 4 && head[n - 4] == '\r' && head[n - 3] == '\n' && head[n - 2] == '\r' && head[n - 1] == '\n')
            {
                break;
            }
        }

        return System.Text.Encoding.Latin1.GetString([.. head]);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        await _acceptLoop;
        Task[] pending;
        lock (_connections)
        {
            pending = [.. _connections];
        }

        await Task.WhenAll(pending);
        _stop.Dispose();
    }
}
