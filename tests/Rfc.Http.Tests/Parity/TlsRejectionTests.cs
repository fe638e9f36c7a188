using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;
using Rfc.Testing;

namespace Rfc.Http.Tests.Parity;

/// <summary>
/// Why a TLS handshake failed belongs to that handshake (issue 9): HttpClient's handshakes used to share one
/// "last rejection", so a later failure of another kind was reported with an earlier certificate's reason.
/// </summary>
public sealed class TlsRejectionTests
{
    [Theory]
    [MemberData(nameof(BothTransports.Names), MemberType = typeof(BothTransports))]
    public async Task Transport_ReportsEachHandshakesOwnReason_WhenAnUntrustedCertificateCameFirst(string transport)
    {
        await using KestrelServer untrusted = await KestrelServer.StartAsync(context => context.Response.WriteAsync("x"), TestCertificate.Server);
        using TcpListener notTls = new(IPAddress.Loopback, 0);
        notTls.Start();
        int port = ((IPEndPoint)notTls.LocalEndpoint).Port;
        Task answer = Task.Run(async () =>
        {
            using TcpClient client = await notTls.AcceptTcpClientAsync(TestContext.Current.CancellationToken);
            await client.GetStream().WriteAsync("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"u8.ToArray(), TestContext.Current.CancellationToken);
            client.Client.Shutdown(SocketShutdown.Send);
        }, TestContext.Current.CancellationToken);
        await using IHttpTransport client = BothTransports.Create(transport, BothTransports.Options());

        Transport.FetchException first = await Assert.ThrowsAsync<Transport.FetchException>(() => client.SendAsync(new FetchRequest(untrusted.Url("/")), TestContext.Current.CancellationToken));
        Transport.FetchException second = await Assert.ThrowsAsync<Transport.FetchException>(() => client.SendAsync(new FetchRequest(new Uri($"https://127.0.0.1:{port}/")), TestContext.Current.CancellationToken));
        await answer;

        Assert.Contains("certificate not trusted", first.Message);
        Assert.StartsWith("TLS handshake with 127.0.0.1 failed: ", second.Message);
        Assert.DoesNotContain("certificate", second.Message);
    }

    [Fact]
    public async Task BothTransports_GiveTheSameLine_WhenServerDoesNotSpeakTls()
    {
        using TcpListener notTls = new(IPAddress.Loopback, 0);
        notTls.Start();
        int port = ((IPEndPoint)notTls.LocalEndpoint).Port;
        Task answers = Task.Run(async () =>
        {
            for (int i = 0; i < 2; i++)
            {
                using TcpClient client = await notTls.AcceptTcpClientAsync(TestContext.Current.CancellationToken);
                await client.GetStream().WriteAsync("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"u8.ToArray(), TestContext.Current.CancellationToken);
                client.Client.Shutdown(SocketShutdown.Send);
            }
        }, TestContext.Current.CancellationToken);

        FetchOutcome outcome = await BothTransports.AgreeAsync(new Uri($"https://127.0.0.1:{port}/"), BothTransports.Options(), TestContext.Current.CancellationToken);
        await answers;

        Assert.Equal(3, outcome.ExitCode);
        Assert.StartsWith("TLS handshake with 127.0.0.1 failed: ", outcome.Error);
        Assert.DoesNotContain("net_", outcome.Error);
    }
}
