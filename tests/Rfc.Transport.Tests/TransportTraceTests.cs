using System.Net.Security;
using System.Net.Sockets;
using Rfc.Testing;

namespace Rfc.Transport.Tests;

public sealed class TransportTraceTests
{
    [Fact]
    public async Task TextWriterTraceSink_ShowsEveryLayer_WhenConnectingWithTls()
    {
        using TestCertificatesScope scope = new();
        using var leaf = scope.Certificates.CreateServerCertificate();
        await using TlsServer server = TlsServer.Start(leaf, scope.Certificates.Authority);
        using var writer = new StringWriter { NewLine = "\n" };
        var trace = new TextWriterTraceSink(writer);
        CancellationToken token = TestContext.Current.CancellationToken;

        using Socket socket = await TcpConnector.Default.ConnectAsync("localhost", server.Port, TimeSpan.FromSeconds(10), trace, token);
        await using SslStream ssl = await TlsConnector.AuthenticateAsync(new NetworkStream(socket), "localhost", scope.CaFile, TimeSpan.FromSeconds(10), trace, token);

        string[] lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches(@"^ +\d+\.\d ms  dns   resolved localhost to .+ in \d+\.\d ms$", lines[0]);
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^ +\d+\.\d ms  tcp   connected to .+:\d+ in \d+\.\d ms \(attempt \d of \d\)$"));
        Assert.Matches(@"^ +\d+\.\d ms  tls   TLSv1\.[23] with \w+, ALPN http/1\.1$", lines[^2]);
        Assert.Matches(@"^ +\d+\.\d ms  tls   certificate CN=localhost, issued by CN=rfc test CA, valid until \d{4}-\d\d-\d\d$", lines[^1]);
    }

    private sealed class TestCertificatesScope : IDisposable
    {
        public TestCertificatesScope()
        {
            Certificates = TestCertificates.CreateAuthority();
            CaFile = Certificates.WriteCaFile();
        }

        public TestCertificates Certificates { get; }

        public string CaFile { get; }

        public void Dispose()
        {
            File.Delete(CaFile);
            Certificates.Dispose();
        }
    }
}
