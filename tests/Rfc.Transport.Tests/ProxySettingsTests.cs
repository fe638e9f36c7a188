using System.Net;

namespace Rfc.Transport.Tests;

public sealed class ProxySettingsTests
{
    private static ProxySettings Settings(params string[] variables)
    {
        var environment = variables.Select(v => v.Split('=', 2)).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        return ProxySettings.FromEnvironment(name => environment.GetValueOrDefault(name));
    }

    [Theory]
    // http:// targets read lower-case http_proxy only (httpoxy), then all_proxy / ALL_PROXY.
    [InlineData("http://rfc-editor.org/", "http://p:3128/", "http_proxy=p:3128")]
    [InlineData("http://rfc-editor.org/", null, "HTTP_PROXY=p:3128")]
    [InlineData("http://rfc-editor.org/", "http://all:1/", "HTTP_PROXY=p:3128", "ALL_PROXY=all:1")]
    [InlineData("http://rfc-editor.org/", "http://lower:1/", "http_proxy=lower:1", "all_proxy=all:1")]
    [InlineData("http://rfc-editor.org/", "http://all:1/", "all_proxy=all:1", "ALL_PROXY=ALL:2")]
    // https:// targets: https_proxy before HTTPS_PROXY, then all_proxy.
    [InlineData("https://rfc-editor.org/", "http://lower:1/", "https_proxy=lower:1", "HTTPS_PROXY=upper:2")]
    [InlineData("https://rfc-editor.org/", "http://upper:2/", "HTTPS_PROXY=upper:2")]
    [InlineData("https://rfc-editor.org/", null, "http_proxy=p:3128")]
    [InlineData("http://rfc-editor.org/", null, "https_proxy=p:3128")]
    [InlineData("https://rfc-editor.org/", "http://all:1/", "ALL_PROXY=all:1")]
    // Empty counts as unset; other schemes never use a proxy.
    [InlineData("https://rfc-editor.org/", "http://all:1/", "https_proxy=", "ALL_PROXY=all:1")]
    [InlineData("ftp://rfc-editor.org/", null, "all_proxy=all:1")]
    [InlineData("https://rfc-editor.org/", null)]
    // URL forms: scheme optional, port defaults to curl's 1080, credentials kept, path dropped.
    [InlineData("https://rfc-editor.org/", "http://proxy:1080/", "https_proxy=proxy")]
    [InlineData("https://rfc-editor.org/", "http://proxy/", "https_proxy=http://proxy:80")]
    [InlineData("https://rfc-editor.org/", "http://u:p%40ss@proxy:8080/", "https_proxy=http://u:p%40ss@proxy:8080/some/path")]
    [InlineData("https://rfc-editor.org/", "http://[::1]:3128/", "https_proxy=[::1]:3128")]
    [InlineData("https://rfc-editor.org/", "http://10.0.0.1:1080/", "https_proxy=  10.0.0.1  ")]
    public void GetProxy_ChoosesVariableLikeCurl(string target, string? expected, params string[] variables)
    {
        ProxySettings settings = Settings(variables);

        Uri? proxy = settings.GetProxy(new Uri(target));

        Assert.Equal(expected, proxy?.AbsoluteUri);
    }

    [Theory]
    [InlineData("https://rfc-editor.org/", "*", true)]
    [InlineData("https://rfc-editor.org/", "rfc-editor.org", true)]
    [InlineData("https://www.rfc-editor.org/", "rfc-editor.org", true)]
    [InlineData("https://www.rfc-editor.org/", ".rfc-editor.org", true)]
    [InlineData("https://rfc-editor.org/", ".rfc-editor.org", true)]
    [InlineData("https://RFC-Editor.ORG./", "rfc-editor.org.", true)]
    [InlineData("https://notrfc-editor.org/", "rfc-editor.org", false)]
    [InlineData("https://rfc-editor.org.evil/", "rfc-editor.org", false)]
    [InlineData("https://rfc-editor.org/", "example.com, ietf.org", false)]
    [InlineData("https://www.ietf.org/", "example.com, ietf.org", true)]
    [InlineData("https://www.ietf.org/", "example.com ietf.org", true)]
    [InlineData("https://rfc-editor.org/", "*.rfc-editor.org", false)]
    // Ports: an entry with a port matches that port only (the target's default port counts).
    [InlineData("https://rfc-editor.org/", "rfc-editor.org:443", true)]
    [InlineData("https://rfc-editor.org:8443/", "rfc-editor.org:443", false)]
    [InlineData("http://rfc-editor.org/", "rfc-editor.org:80", true)]
    // IP literals and CIDR blocks match addresses, never names.
    [InlineData("https://127.0.0.1/", "127.0.0.1", true)]
    [InlineData("https://127.0.0.2/", "127.0.0.1", false)]
    [InlineData("https://127.0.0.2:8080/", "127.0.0.0/8", true)]
    [InlineData("https://10.1.2.3/", "10.0.0.0/8", true)]
    [InlineData("https://11.1.2.3/", "10.0.0.0/8", false)]
    [InlineData("https://192.168.1.200/", "192.168.1.128/25", true)]
    [InlineData("https://192.168.1.100/", "192.168.1.128/25", false)]
    [InlineData("https://[::1]/", "::1", true)]
    [InlineData("https://[::1]/", "[::1]", true)]
    [InlineData("https://[::1]:8443/", "[::1]:8443", true)]
    [InlineData("https://[::1]:8443/", "[::1]:443", false)]
    [InlineData("https://[fd00::5]/", "fd00::/8", true)]
    [InlineData("https://[2001:db8::5]/", "fd00::/8", false)]
    [InlineData("https://localhost/", "127.0.0.1", false)]
    [InlineData("https://127.0.0.1/", "localhost", false)]
    public void GetProxy_ReturnsNull_WhenNoProxyMatches(string target, string noProxy, bool bypassed)
    {
        ProxySettings settings = Settings("https_proxy=proxy:3128", "http_proxy=proxy:3128", $"NO_PROXY={noProxy}");

        Uri? proxy = settings.GetProxy(new Uri(target));

        Assert.Equal(bypassed, proxy is null);
    }

    [Fact]
    public void GetProxy_PrefersLowerCaseNoProxy_WhenBothAreSet()
    {
        ProxySettings settings = Settings("https_proxy=proxy:3128", "no_proxy=ietf.org", "NO_PROXY=rfc-editor.org");

        Assert.Null(settings.GetProxy(new Uri("https://ietf.org/")));
        Assert.NotNull(settings.GetProxy(new Uri("https://rfc-editor.org/")));
    }

    [Theory]
    [InlineData("HTTPS_PROXY", "socks5://proxy:1080", "invalid proxy URL in HTTPS_PROXY: 'socks5://proxy:1080' (unsupported proxy scheme 'socks5'; only http:// proxies are supported)")]
    [InlineData("https_proxy", "http://pro xy:1", "invalid proxy URL in https_proxy: 'http://pro xy:1' (not a URL)")]
    [InlineData("ALL_PROXY", "proxy:99999", "invalid proxy URL in ALL_PROXY: 'proxy:99999' (not a URL)")]
    [InlineData("https_proxy", "ftp://user:secret@proxy:21", "invalid proxy URL in https_proxy: 'ftp://user:***@proxy:21' (unsupported proxy scheme 'ftp'; only http:// proxies are supported)")]
    public void GetProxy_ThrowsConfigurationErrorNamingTheVariable_WhenProxyUrlIsInvalid(string name, string value, string message)
    {
        ProxySettings settings = Settings($"{name}={value}");

        TransportConfigurationException e = Assert.Throws<TransportConfigurationException>(() => settings.GetProxy(new Uri("https://rfc-editor.org/")));

        Assert.Equal(TransportSetting.Proxy, e.Setting);
        Assert.Equal(name, e.Variable);
        Assert.Equal(message, e.Message);
    }

    [Theory]
    [InlineData("http://user:pass@proxy:3128", "Basic dXNlcjpwYXNz")]
    [InlineData("http://us%40er:p%3Ass%20w@proxy:3128", "Basic dXNAZXI6cDpzcyB3")]
    [InlineData("http://user@proxy:3128", "Basic dXNlcjo=")]
    [InlineData("http://proxy:3128", null)]
    public void BasicAuthorization_DecodesUserInfo_WhenProxyUrlHasCredentials(string proxyUrl, string? expected)
    {
        Uri proxy = Settings($"https_proxy={proxyUrl}").GetProxy(new Uri("https://rfc-editor.org/"))!;

        string? value = ProxySettings.BasicAuthorization(proxy);

        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("https://10.255.0.1/", "10.0.0.0/8", true)]
    [InlineData("https://[::ffff:10.1.2.3]/", "10.0.0.0/8", true)]
    [InlineData("https://10.1.2.3/", "10.1.2.3/8", true)]
    [InlineData("https://10.1.2.3/", "10.0.0.0/33", false)]
    public void GetProxy_MatchesCidrBlocksWithThePlatformsRules(string target, string noProxy, bool bypassed)
    {
        ProxySettings settings = Settings("https_proxy=proxy:3128", $"no_proxy={noProxy}");

        Uri? proxy = settings.GetProxy(new Uri(target));

        Assert.Equal(bypassed, proxy is null);
    }

    [Fact]
    public void GetProxy_IgnoresInvalidVariable_WhenTargetDoesNotUseIt()
    {
        ProxySettings settings = Settings("http_proxy=socks5://proxy", "https_proxy=proxy:3128");

        Uri? proxy = settings.GetProxy(new Uri("https://rfc-editor.org/"));

        Assert.Equal("http://proxy:3128/", proxy?.AbsoluteUri);
    }

    [Fact]
    public void AsWebProxy_AgreesWithGetProxyAndSuppliesCredentials()
    {
        ProxySettings settings = Settings("https_proxy=http://user:p%40ss@proxy:3128", "no_proxy=ietf.org");

        IWebProxy proxy = settings.AsWebProxy();

        var direct = new Uri("https://www.ietf.org/");
        var proxied = new Uri("https://rfc-editor.org/");
        Assert.True(proxy.IsBypassed(direct));
        Assert.Null(proxy.GetProxy(direct));
        Assert.False(proxy.IsBypassed(proxied));
        Uri proxyUri = Assert.IsType<Uri>(proxy.GetProxy(proxied));
        Assert.Equal(settings.GetProxy(proxied), proxyUri);
        NetworkCredential? credential = proxy.Credentials?.GetCredential(proxyUri, "Basic");
        Assert.Equal("user", credential?.UserName);
        Assert.Equal("p@ss", credential?.Password);
    }

    [Fact]
    public void None_NeverUsesAProxy()
    {
        Assert.Null(ProxySettings.None.GetProxy(new Uri("https://rfc-editor.org/")));
    }
}
