using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using Rfc.Testing;

namespace Rfc.Transport.Tests;

public sealed class TlsConnectorTests : IDisposable
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(10);
    private readonly TestCertificates _certificates = TestCertificates.CreateAuthority();
    private readonly List<string> _files = [];

    public void Dispose()
    {
        foreach (string file in _files)
        {
            File.Delete(file);
        }

        _certificates.Dispose();
    }

    [Theory]
    [InlineData("localhost", true)]
    [InlineData("localhost", false)]
    [InlineData("127.0.0.1", true)]
    public async Task AuthenticateAsync_Succeeds_WhenServerIsTrustedThroughCaFile(string host, bool pem)
    {
        using var leaf = _certificates.CreateServerCertificate();
        await using TlsServer server = TlsServer.Start(leaf, _certificates.Authority);
        var trace = new RecordingTraceSink();

        await using SslStream ssl = await ConnectAsync(server, host, CaFile(pem), trace);

        Assert.True(ssl.IsAuthenticated);
        Assert.Equal(SslApplicationProtocol.Http11, ssl.NegotiatedApplicationProtocol);
        string[] tls = [.. trace.Lines.Where(l => l.Layer == FetchLayer.Tls).Select(l => l.Message)];
        Assert.Equal(2, tls.Length);
        Assert.Matches(@"^TLSv1\.[23] with TLS_\w+, ALPN http/1\.1$", tls[0]);
        Assert.StartsWith("certificate CN=localhost, issued by CN=rfc test CA, valid until ", tls[1]);
    }

    [Fact]
    public async Task AuthenticateAsync_ChecksIPAddressSan_WhenHostIsBracketedIPv6Literal()
    {
        Loopback.RequireIPv6();
        using var leaf = _certificates.CreateServerCertificate();
        await using TlsServer server = TlsServer.Start(leaf, _certificates.Authority, IPAddress.IPv6Loopback);
        using Socket socket = await TcpConnector.Default.ConnectAsync("[::1]", server.Port, s_timeout, null, TestContext.Current.CancellationToken);

        await using SslStream ssl = await TlsConnector.AuthenticateAsync(
            new NetworkStream(socket), "[::1]", CaFile(), s_timeout, null, TestContext.Current.CancellationToken);

        Assert.True(ssl.IsAuthenticated);
    }

    [Fact]
    public async Task AuthenticateAsync_ThrowsUntrusted_WhenNoCaFileVouchesForServer()
    {
        using var leaf = _certificates.CreateServerCertificate();
        await using TlsServer server = TlsServer.Start(leaf, _certificates.Authority);

        FetchException e = await Assert.ThrowsAsync<FetchException>(() => ConnectAsync(server, "localhost", caFile: null));

        Assert.Equal(FetchLayer.Tls, e.Layer);
        Assert.Equal("TLS handshake with localhost failed: certificate not trusted (PartialChain)", e.Message);
        Assert.False(e.IsTimeout);
        Assert.NotNull(e.InnerException);
    }

    [Fact]
    public async Task AuthenticateAsync_ThrowsUntrusted_WhenCaFileHoldsAnotherAuthority()
    {
        using var leaf = _certificates.CreateServerCertificate();
        await using TlsServer server = TlsServer.Start(leaf, _certificates.Authority);
        using TestCertificates stranger = TestCertificates.CreateAuthority();
        string strangerFile = stranger.WriteCaFile();
        _files.Add(strangerFile);

        FetchException e = await Assert.ThrowsAsync<FetchException>(() => ConnectAsync(server, "localhost", strangerFile));

        Assert.Equal(FetchLayer.Tls, e.Layer);
        Assert.StartsWith("TLS handshake with localhost failed: certificate not trusted (", e.Message);
    }

    [Fact]
    public async Task AuthenticateAsync_ThrowsNameMismatch_WhenCertificateIsForAnotherHost()
    {
        using var leaf = _certificates.CreateServerCertificate();
        await using TlsServer server = TlsServer.Start(leaf, _certificates.Authority);

        FetchException e = await Assert.ThrowsAsync<FetchException>(() => ConnectAsync(server, "wrong-name.invalid", CaFile()));

        Assert.Equal(FetchLayer.Tls, e.Layer);
        Assert.Equal(
            "TLS handshake with wrong-name.invalid failed: certificate name mismatch (certificate is for localhost, 127.0.0.1, ::1, not 'wrong-name.invalid')",
            e.Message);
    }

    [Fact]
    public async Task AuthenticateAsync_ThrowsExpired_WhenCertificateHasExpired()
    {
        DateTimeOffset now = DateTimeOffset.UtcNow;
        using var leaf = _certificates.CreateServerCertificate(notBefore: now.AddDays(-10), notAfter: now.AddDays(-1));
        await using TlsServer server = TlsServer.Start(leaf, _certificates.Authority);

        FetchException e = await Assert.ThrowsAsync<FetchException>(() => ConnectAsync(server, "localhost", CaFile()));

        Assert.Equal(FetchLayer.Tls, e.Layer);
        Assert.StartsWith("TLS handshake with localhost failed: certificate expired or not yet valid (NotTimeValid", e.Message);
    }

    [Fact]
    public async Task AuthenticateAsync_ThrowsTimeout_WhenServerNeverAnswers()
    {
        await using TlsServer server = TlsServer.StartSilent();

        FetchException e = await Assert.ThrowsAsync<FetchException>(
            () => ConnectAsync(server, "localhost", CaFile(), timeout: TimeSpan.FromMilliseconds(300)));

        Assert.Equal(FetchLayer.Tls, e.Layer);
        Assert.True(e.IsTimeout);
        Assert.Equal("TLS handshake with localhost timed out after 0.3 s", e.Message);
    }

    [Fact]
    public async Task AuthenticateAsync_ThrowsOperationCanceled_WhenCallerCancels()
    {
        await using TlsServer server = TlsServer.StartSilent();
        using var caller = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        caller.CancelAfter(TimeSpan.FromMilliseconds(200));

        Exception? e = await Record.ExceptionAsync(() => ConnectAsync(server, "localhost", CaFile(), cancellationToken: caller.Token));

        Assert.IsAssignableFrom<OperationCanceledException>(e);
    }

    [Fact]
    public void LoadCaFile_ThrowsConfigurationError_WhenFileIsNotACertificate()
    {
        string path = Path.GetTempFileName();
        _files.Add(path);
        File.WriteAllText(path, "not a certificate");

        TransportConfigurationException e = Assert.Throws<TransportConfigurationException>(() => TlsCertificateValidator.LoadCaFile(path));

        Assert.Equal(TransportSetting.CaFile, e.Setting);
        Assert.Equal($"cannot load CA file '{path}': not a PEM or DER certificate", e.Message);
    }

    [Theory]
    [InlineData("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n")]
    [InlineData("-----BEGIN NOTHING-----\n")]
    public void LoadCaFile_SaysNotACertificate_WhenPemIsBrokenOrEmpty(string content)
    {
        string path = Path.GetTempFileName();
        _files.Add(path);
        File.WriteAllText(path, content);

        TransportConfigurationException e = Assert.Throws<TransportConfigurationException>(() => TlsCertificateValidator.LoadCaFile(path));

        Assert.Equal($"cannot load CA file '{path}': not a PEM or DER certificate", e.Message);
    }

    [Fact]
    public void LoadCaFile_SaysNoSuchFile_WhenFileIsMissing()
    {
        TransportConfigurationException e = Assert.Throws<TransportConfigurationException>(() => TlsCertificateValidator.LoadCaFile("/nonexistent/ca.pem"));

        Assert.Equal("cannot read CA file '/nonexistent/ca.pem': no such file", e.Message);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public async Task CreateSslOptions_MakesHttpClientTrustTheSame_AsTlsConnector(bool withCaFile, bool trusted)
    {
        using var leaf = _certificates.CreateServerCertificate();
        await using TlsServer server = TlsServer.Start(leaf, _certificates.Authority);
        TlsCertificateValidator validator = TlsCertificateValidator.Create(withCaFile ? CaFile() : null);
        using var handler = new SocketsHttpHandler { SslOptions = validator.CreateSslOptions(null), UseProxy = false };
        using var client = new HttpClient(handler);

        Exception? e = await Record.ExceptionAsync(
            () => client.GetAsync(new Uri($"https://localhost:{server.Port}/"), TestContext.Current.CancellationToken));

        if (trusted)
        {
            Assert.Null(e);
        }
        else
        {
            HttpRequestException http = Assert.IsType<HttpRequestException>(e);
            Assert.Equal(HttpRequestError.SecureConnectionError, http.HttpRequestError);
            Assert.IsType<System.Security.Authentication.AuthenticationException>(http.InnerException);
        }
    }

    private string CaFile(bool pem = true)
    {
        string path = _certificates.WriteCaFile(pem);
        _files.Add(path);
        return path;
    }

    private static async Task<SslStream> ConnectAsync(
        TlsServer server, string host, string? caFile, RecordingTraceSink? trace = null, TimeSpan? timeout = null, CancellationToken? cancellationToken = null)
    {
        CancellationToken token = cancellationToken ?? TestContext.Current.CancellationToken;
        Socket socket = await TcpConnector.Default.ConnectAsync("127.0.0.1", server.Port, s_timeout, null, token);
        try
        {
            return await TlsConnector.AuthenticateAsync(new NetworkStream(socket, ownsSocket: true), host, caFile, timeout ?? s_timeout, trace, token);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
