using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace Rfc.Transport.Tests;

/// <summary>
/// A TLS server on loopback that accepts connections, completes the handshake with the given
/// certificate (sending the CA as its chain), and answers any request with an empty 200 response.
/// With <c>speakTls: false</c> it accepts and then says nothing, for handshake timeouts.
/// </summary>
internal sealed class TlsServer : IAsyncDisposable
{
    private readonly Socket _listener;
    private readonly SslStreamCertificateContext? _certificate;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private readonly List<Socket> _accepted = [];

    private TlsServer(IPAddress address, X509Certificate2? certificate, X509Certificate2? authority)
    {
        _listener = Loopback.Listen(address);
        _certificate = certificate is null
            ? null
            : SslStreamCertificateContext.Create(certificate, authority is null ? null : [authority], offline: true);
        _accepting = AcceptAsync();
    }

    public int Port => _listener.Port();

    /// <summary>How many TLS handshakes completed.</summary>
    public int Handshakes;

    public static TlsServer Start(X509Certificate2 certificate, X509Certificate2? authority, IPAddress? address = null) =>
        new(address ?? IPAddress.Loopback, certificate, authority);

    public static TlsServer StartSilent() => new(IPAddress.Loopback, null, null);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Dispose();
        lock (_accepted)
        {
            foreach (Socket socket in _accepted)
            {
                socket.Dispose();
            }
        }

        await _accepting.ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket = await _listener.AcceptAsync(_stop.Token);
            lock (_accepted)
            {
                _accepted.Add(socket);
            }

            if (_certificate is not null)
            {
                _ = ServeAsync(socket);
            }
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        try
        {
            await using var ssl = new SslStream(new NetworkStream(socket, ownsSocket: true));
            await ssl.AuthenticateAsServerAsync(
                new SslServerAuthenticationOptions
                {
                    ServerCertificateContext = _certificate,
                    ApplicationProtocols = [SslApplicationProtocol.Http11],
                },
                _stop.Token);
            Interlocked.Increment(ref Handshakes);
            byte[] buffer = new byte[4096];
            int read = await ssl.ReadAsync(buffer, _stop.Token);
            if (read > 0)
            {
                await ssl.WriteAsync("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray(), _stop.Token);
            }
        }
        catch (Exception e) when (e is IOException or System.Security.Authentication.AuthenticationException or OperationCanceledException or ObjectDisposedException)
        {
            // The client rejected us or went away: that is what several tests are about.
        }
    }
}
