using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Rfc.Transport;

/// <summary>
/// Which proxy, if any, to use for a URL, from the environment variables curl reads and with curl's
/// rules, so that <c>rfc</c> behaves like the other tools in the user's shell. Both transports ask
/// this one object (HttpClient through <see cref="AsWebProxy"/>).
/// </summary>
/// <remarks>
/// <para>Variables, first non-empty one wins (an empty variable counts as unset, as in curl):</para>
/// <list type="bullet">
/// <item><c>http://</c> targets: <c>http_proxy</c>, then <c>all_proxy</c>, <c>ALL_PROXY</c>. Upper-case
/// <c>HTTP_PROXY</c> is ignored, as curl ignores it: CGI servers put a request's <c>Proxy:</c> header
/// into <c>HTTP_PROXY</c>, so honouring it lets a remote party choose our proxy ("httpoxy", CVE-2016-5385).</item>
/// <item><c>https://</c> targets: <c>https_proxy</c>, <c>HTTPS_PROXY</c>, then <c>all_proxy</c>, <c>ALL_PROXY</c>.</item>
/// <item>Exclusions: <c>no_proxy</c>, then <c>NO_PROXY</c>.</item>
/// </list>
/// <para>Proxy values: <c>[http://][user:password@]host[:port]</c>. A value without a scheme is
/// <c>http://</c>; without a port the port is 1080, curl's default. Only <c>http://</c> proxies are
/// supported (the proxy is reached in clear text; HTTPS targets go through it with <c>CONNECT</c>).
/// An invalid value is reported, naming the variable, when a URL would use it.</para>
/// <para><c>NO_PROXY</c>: entries separated by commas or spaces. <c>*</c> matches every host. A name
/// matches itself and its subdomains (<c>example.com</c> and <c>.example.com</c> both match
/// <c>example.com</c> and <c>www.example.com</c>; curl 7.86 and later). An IP literal matches that
/// address only, and a CIDR block (<c>10.0.0.0/8</c>, <c>fd00::/8</c>) every address in it; names are
/// not resolved to check them. Beyond curl, any entry may end in <c>:port</c>
/// (<c>[::1]:8080</c>, <c>intranet:8443</c>) to match that port only, as Go and Python allow.
/// Matching ignores case and a trailing dot; there is no implicit exclusion of <c>localhost</c>.</para>
/// </remarks>
internal sealed class ProxySettings
{
    /// <summary>curl's port for a proxy URL that names none.</summary>
    public const int DefaultProxyPort = 1080;

    private readonly ProxyVariable? _http;
    private readonly ProxyVariable? _https;
    private readonly NoProxyList _noProxy;

    private ProxySettings(ProxyVariable? http, ProxyVariable? https, NoProxyList noProxy)
    {
        _http = http;
        _https = https;
        _noProxy = noProxy;
    }

    /// <summary>Settings that never use a proxy.</summary>
    public static ProxySettings None { get; } = new(null, null, NoProxyList.Empty);

    /// <summary>Reads the proxy variables through <paramref name="environment"/> (for example <see cref="Environment.GetEnvironmentVariable(string)"/>).</summary>
    /// <param name="environment">Returns a variable's value, or null when it is not set.</param>
    public static ProxySettings FromEnvironment(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ProxyVariable? all = Read(environment, "all_proxy", "ALL_PROXY");
        ProxyVariable? http = Read(environment, "http_proxy") ?? all;
        ProxyVariable? https = Read(environment, "https_proxy", "HTTPS_PROXY") ?? all;
        string? noProxyName = FirstSet(environment, "no_proxy", "NO_PROXY");
        NoProxyList noProxy = noProxyName is null ? NoProxyList.Empty : NoProxyList.Parse(environment(noProxyName)!);
        return new ProxySettings(http, https, noProxy);
    }

    /// <summary>
    /// The proxy for <paramref name="target"/> (<c>http://host:port/</c>, with any credentials in its
    /// user info), or null to connect directly: no variable applies, <c>NO_PROXY</c> excludes the host,
    /// or the scheme is neither <c>http</c> nor <c>https</c>.
    /// </summary>
    /// <exception cref="TransportConfigurationException"><see cref="TransportSetting.Proxy"/>: the variable that applies holds an invalid proxy URL; the message and <see cref="TransportConfigurationException.Variable"/> name it.</exception>
    public Uri? GetProxy(Uri target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (!target.IsAbsoluteUri)
        {
            return null;
        }

        ProxyVariable? variable = target.Scheme switch
        {
            "http" => _http,
            "https" => _https,
            _ => null,
        };
        if (variable is null || _noProxy.Matches(target))
        {
            return null;
        }

        return variable.Proxy ?? throw new TransportConfigurationException(TransportSetting.Proxy, variable.Error!) { Variable = variable.Name };
    }

    /// <summary>
    /// The user and password in <paramref name="proxy"/>'s user info, percent-decoded
    /// (<c>http://us%40er:p%3Ass@proxy:3128</c> is user <c>us@er</c>, password <c>p:ss</c>), or null when it has none.
    /// </summary>
    public static NetworkCredential? Credentials(Uri proxy)
    {
        ArgumentNullException.ThrowIfNull(proxy);
        if (string.IsNullOrEmpty(proxy.UserInfo))
        {
            return null;
        }

        string[] parts = proxy.UserInfo.Split(':', 2);
        return new NetworkCredential(Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : string.Empty);
    }

    /// <summary>
    /// The <c>Proxy-Authorization</c> value for <paramref name="proxy"/>'s credentials (RFC 7617 Basic, UTF-8), or
    /// null when the proxy URL carries none. HttpClient sends the same after the proxy's 407 challenge.
    /// </summary>
    public static string? BasicAuthorization(Uri proxy)
    {
        NetworkCredential? credentials = Credentials(proxy);
        return credentials is null
            ? null
            : "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(credentials.UserName + ":" + credentials.Password));
    }

    /// <summary>
    /// An <see cref="IWebProxy"/> for HttpClient (<c>SocketsHttpHandler.Proxy</c>, with <c>UseProxy = true</c>)
    /// that answers from these settings and supplies the credentials in the proxy URL.
    /// </summary>
    /// <remarks>
    /// SocketsHttpHandler swallows exceptions from <see cref="IWebProxy.GetProxy(Uri)"/> and connects
    /// directly, so a transport that wants an invalid proxy variable reported calls
    /// <see cref="GetProxy(Uri)"/> itself before sending.
    /// </remarks>
    public IWebProxy AsWebProxy() => new SettingsWebProxy(this);

    private static string? FirstSet(Func<string, string?> environment, params ReadOnlySpan<string> names)
    {
        foreach (string name in names)
        {
            if (!string.IsNullOrWhiteSpace(environment(name)))
            {
                return name;
            }
        }

        return null;
    }

    private static ProxyVariable? Read(Func<string, string?> environment, params ReadOnlySpan<string> names)
    {
        string? name = FirstSet(environment, names);
        return name is null ? null : ProxyVariable.Parse(name, environment(name)!.Trim());
    }

    /// <summary>One proxy variable: its parsed URL, or why it is not one.</summary>
    private sealed class ProxyVariable
    {
        private ProxyVariable(string name, Uri? proxy, string? error)
        {
            Name = name;
            Proxy = proxy;
            Error = error;
        }

        public string Name { get; }

        public Uri? Proxy { get; }

        public string? Error { get; }

        public static ProxyVariable Parse(string name, string value)
        {
            string text = value.Contains("://", StringComparison.Ordinal) ? value : "http://" + value;
            if (!Uri.TryCreate(text, UriKind.Absolute, out Uri? uri) || uri.Host.Length == 0)
            {
                return Invalid(name, value, "not a URL");
            }

            if (uri.Scheme != Uri.UriSchemeHttp)
            {
                return Invalid(name, value, $"unsupported proxy scheme '{uri.Scheme}'; only http:// proxies are supported");
            }

            int port = HasExplicitPort(text) ? uri.Port : DefaultProxyPort;
            // Rebuilt from its parts: the path of a proxy URL means nothing (curl ignores it too).
            string userInfo = uri.UserInfo.Length > 0 ? uri.UserInfo + "@" : string.Empty;
            var proxy = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://{userInfo}{uri.Host}:{port}/"));
            return new ProxyVariable(name, proxy, null);
        }

        // The value is shown without its password: error lines end up in logs and bug reports.
        private static ProxyVariable Invalid(string name, string value, string why) =>
            new(name, null, $"invalid proxy URL in {name}: '{WithoutPassword(value)}' ({why})");

        /// <summary><paramref name="value"/> with the password of its user info replaced by <c>***</c>.</summary>
        private static string WithoutPassword(string value)
        {
            int start = value.IndexOf("://", StringComparison.Ordinal) is int scheme and >= 0 ? scheme + 3 : 0;
            int at = value.IndexOf('@', start);
            int end = value.IndexOfAny(['/', '?', '#'], start);
            if (at < 0 || (end >= 0 && end < at))
            {
                return value;
            }

            int colon = value.IndexOf(':', start);
            return colon < 0 || colon > at ? value : string.Concat(value.AsSpan(0, colon + 1), "***", value.AsSpan(at));
        }

        /// <summary>Whether the authority of <paramref name="url"/> names a port (<see cref="Uri.IsDefaultPort"/> cannot tell "proxy" from "proxy:80").</summary>
        private static bool HasExplicitPort(string url)
        {
            ReadOnlySpan<char> rest = url.AsSpan(url.IndexOf("://", StringComparison.Ordinal) + 3);
            int end = rest.IndexOfAny("/?#");
            ReadOnlySpan<char> authority = end < 0 ? rest : rest[..end];
            authority = authority[(authority.LastIndexOf('@') + 1)..];
            int colon = authority.LastIndexOf(':');
            return colon > authority.LastIndexOf(']') && colon < authority.Length - 1;
        }
    }

    /// <summary>The parsed <c>NO_PROXY</c> list.</summary>
    private sealed class NoProxyList
    {
        private readonly bool _all;
        private readonly List<Entry> _entries;

        private NoProxyList(bool all, List<Entry> entries)
        {
            _all = all;
            _entries = entries;
        }

        public static NoProxyList Empty { get; } = new(false, []);

        public static NoProxyList Parse(string value)
        {
            var entries = new List<Entry>();
            bool all = false;
            foreach (string token in value.Split([',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
            {
                if (token == "*")
                {
                    all = true;
                }
                else if (Entry.TryParse(token, out Entry? entry))
                {
                    entries.Add(entry);
                }

                // Anything else ("*.example.com", "[bad") matches nothing, as in curl.
            }

            return new NoProxyList(all, entries);
        }

        public bool Matches(Uri target)
        {
            if (_all)
            {
                return true;
            }

            string host = HostText.StripBrackets(target.IdnHost).TrimEnd('.');
            IPAddress? address = HostText.TryParseLiteral(host, out IPAddress literal) ? literal : null;
            foreach (Entry entry in _entries)
            {
                if (entry.Matches(host, address, target.Port))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>One <c>NO_PROXY</c> entry: a name suffix or an address block, with an optional port.</summary>
    private sealed class Entry
    {
        private readonly string? _suffix;
        private readonly IPNetwork? _network;
        private readonly int? _port;

        private Entry(string? suffix, IPNetwork? network, int? port)
        {
            _suffix = suffix;
            _network = network;
            _port = port;
        }

        public static bool TryParse(string token, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Entry? entry)
        {
            entry = null;
            string text = token;
            int? port = null;

            // A port is a trailing ":digits" after a name, an IPv4 address or "[IPv6]"; a bare IPv6
            // literal has colons of its own and takes no port.
            int colon = text.LastIndexOf(':');
            bool bareIPv6 = text.IndexOf(':', StringComparison.Ordinal) != colon && !text.StartsWith('[');
            if (colon > text.LastIndexOf(']') && !bareIPv6)
            {
                if (!int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int p) || p > IPEndPoint.MaxPort)
                {
                    return false;
                }

                port = p;
                text = text[..colon];
            }

            int slash = text.IndexOf('/', StringComparison.Ordinal);
            string addressText = HostText.StripBrackets(slash < 0 ? text : text[..slash]);
            if (HostText.TryParseLiteral(addressText, out IPAddress address))
            {
                int maxBits = address.AddressFamily == AddressFamily.InterNetworkV6 ? 128 : 32;
                string block = slash < 0 ? $"{address}/{maxBits}" : $"{address}{text[slash..]}";

                // The platform's CIDR parsing (bits beyond the prefix are ignored: 10.1.2.3/8 is 10.0.0.0/8, as in
                // curl); a prefix longer than the address matches nothing, like any other entry that cannot be read.
                if (!IPNetwork.TryParse(block, out IPNetwork network))
                {
                    return false;
                }

                entry = new Entry(null, network, port);
                return true;
            }

            string name = text.Trim('.').ToLowerInvariant();
            if (name.Length == 0 || slash >= 0 || name.Contains('[', StringComparison.Ordinal))
            {
                return false;
            }

            entry = new Entry(name, null, port);
            return true;
        }

        public bool Matches(string host, IPAddress? address, int port)
        {
            if (_port is int wanted && wanted != port)
            {
                return false;
            }

            if (_network is IPNetwork network)
            {
                if (address is { IsIPv4MappedToIPv6: true } && network.BaseAddress.AddressFamily == AddressFamily.InterNetwork)
                {
                    address = address.MapToIPv4();
                }

                return address is not null && network.Contains(address);
            }

            return address is null &&
                (host.Equals(_suffix, StringComparison.OrdinalIgnoreCase) ||
                 (host.Length > _suffix!.Length &&
                  host.EndsWith(_suffix, StringComparison.OrdinalIgnoreCase) &&
                  host[host.Length - _suffix.Length - 1] == '.'));
        }
    }
}
