using System.Net;
using System.Text;
using Rfc.Testing;
using Rfc.Transport;

namespace Rfc.Http.Tests.Parity;

/// <summary>
/// Proxies that demand credentials (issue 9): the socket transport sends <c>Proxy-Authorization: Basic</c> from the
/// proxy URL's user info, as HttpClient does after the proxy's challenge; a 407 is one clear error on both; the
/// password never appears in an error or the trace.
/// </summary>
public sealed class ProxyTests
{
    private const string Password = "p@ss w:rd";

    // "user:p@ss w:rd" in Basic (RFC 7617), the credentials the scripted proxy accepts.
    private static readonly string s_expected = "Proxy-Authorization: Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("user:" + Password));

    private static string ProxyUrl(int port, string password = "p%40ss%20w%3Ard") => $"http://user:{password}@127.0.0.1:{port}";

    private static bool HasCredentials(string head) =>
        head.Split("\r\n").Any(line => line.Equals(s_expected, StringComparison.OrdinalIgnoreCase));

    private static readonly byte[] s_challenge = "HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"rfc\"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray();

    [Theory]
    [MemberData(nameof(BothTransports.Names), MemberType = typeof(BothTransports))]
    public async Task Transport_SendsProxyCredentials_OnAbsoluteFormRequests(string transport)
    {
        List<string> heads = [];
        await using ScriptedTcpServer proxy = ScriptedTcpServer.Start(async (client, head, token) =>
        {
            lock (heads)
            {
                heads.Add(head);
            }

            await client.WriteAsync(HasCredentials(head) ? "HTTP/1.1 200 OK\r\nContent-Length: 9\r\nConnection: close\r\n\r\nvia proxy"u8.ToArray() : s_challenge, token);
        });
        RecordingTrace trace = new();
        HttpTransportOptions options = BothTransports.Options(environment: name => name == "http_proxy" ? ProxyUrl(proxy.Port) : null) with { Trace = trace };

        FetchOutcome outcome = await BothTransports.FetchAsync(transport, new Uri("http://origin.invalid/rfc2324.txt"), options, TestContext.Current.CancellationToken);

        Assert.Equal("via proxy", outcome.Body);
        Assert.Contains(heads, HasCredentials);
        Assert.All(heads, head => Assert.StartsWith("GET http://origin.invalid/rfc2324.txt HTTP/1.1\r\n", head));
        Assert.DoesNotContain(trace.Lines, line => line.Contains("p@ss", StringComparison.Ordinal) || line.Contains("p%40ss", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(BothTransports.Names), MemberType = typeof(BothTransports))]
    public async Task Transport_SendsProxyCredentials_OnConnect(string transport)
    {
        byte[] document = "through the tunnel\n"u8.ToArray();
        await using KestrelServer origin = await KestrelServer.StartAsync(context => KestrelServer.WriteBodyAsync(context, document, chunked: false), TestCertificate.Server);
        List<string> heads = [];
        await using ScriptedTcpServer proxy = ScriptedTcpServer.Start(async (client, head, token) =>
        {
            lock (heads)
            {
                heads.Add(head);
            }

            if (!HasCredentials(head))
            {
                await client.WriteAsync(s_challenge, token);
                return;
            }

            using System.Net.Sockets.TcpClient upstream = new();
            await upstream.ConnectAsync(IPAddress.Loopback, origin.BaseUri.Port, token);
            await client.WriteAsync("HTTP/1.1 200 Connection established\r\n\r\n"u8.ToArray(), token);
            System.Net.Sockets.NetworkStream server = upstream.GetStream();
            await Task.WhenAny(client.CopyToAsync(server, token), server.CopyToAsync(client, token));
        });
        HttpTransportOptions options = BothTransports.Options(environment: name => name == "https_proxy" ? ProxyUrl(proxy.Port) : null) with { CaFile = TestCertificate.CaFile };

        FetchOutcome outcome = await BothTransports.FetchAsync(transport, new Uri($"https://localhost:{origin.BaseUri.Port}/rfc2324.txt"), options, TestContext.Current.CancellationToken);

        Assert.True(outcome.Error is null, outcome.Error);
        Assert.Equal("through the tunnel\n", outcome.Body);
        Assert.Contains(heads, HasCredentials);
        Assert.All(heads, head => Assert.StartsWith($"CONNECT localhost:{origin.BaseUri.Port} HTTP/1.1\r\n", head));
    }

    [Theory]
    [InlineData("http")]
    [InlineData("https")]
    public async Task BothTransports_SayProxyRequiresAuthentication_WhenCredentialsAreWrongOrMissing(string scheme)
    {
        await using ScriptedTcpServer proxy = ScriptedTcpServer.Respond(s_challenge);
        string variable = scheme + "_proxy";
        HttpTransportOptions wrong = BothTransports.Options(environment: name => name == variable ? ProxyUrl(proxy.Port, "wrong-secret") : null);
        HttpTransportOptions none = BothTransports.Options(environment: name => name == variable ? $"http://127.0.0.1:{proxy.Port}" : null);
        Uri target = new($"{scheme}://origin.invalid/rfc2324.txt");

        FetchOutcome withWrong = await BothTransports.AgreeAsync(target, wrong, TestContext.Current.CancellationToken);
        FetchOutcome withNone = await BothTransports.AgreeAsync(target, none, TestContext.Current.CancellationToken);

        Assert.Equal($"proxy 127.0.0.1:{proxy.Port} requires authentication (HTTP 407)", withWrong.Error);
        Assert.Equal(4, withWrong.ExitCode);
        Assert.Equal(withWrong, withNone);
    }

    [Fact]
    public async Task BothTransports_NameTheStatus_WhenProxyRefusesTheTunnel()
    {
        await using ScriptedTcpServer proxy = ScriptedTcpServer.Respond("HTTP/1.1 403 Go Away\r\nContent-Length: 0\r\n\r\n"u8.ToArray());
        HttpTransportOptions options = BothTransports.Options(environment: name => name == "https_proxy" ? $"127.0.0.1:{proxy.Port}" : null);

        FetchOutcome outcome = await BothTransports.AgreeAsync(new Uri("https://www.rfc-editor.org/rfc/rfc2324.txt"), options, TestContext.Current.CancellationToken);

        Assert.Equal($"proxy 127.0.0.1:{proxy.Port} refused the tunnel to www.rfc-editor.org:443: HTTP 403 Forbidden", outcome.Error);
    }

    private sealed class RecordingTrace : ITraceSink
    {
        public List<string> Lines { get; } = [];

        public void Trace(FetchLayer layer, string message)
        {
            lock (Lines)
            {
                Lines.Add(message);
            }
        }
    }
}
