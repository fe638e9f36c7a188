using System.Net;

namespace Rfc.Transport;

/// <summary>
/// <see cref="ProxySettings"/> as HttpClient's <see cref="IWebProxy"/>, so HttpClient chooses exactly the
/// proxy the socket client does; the credentials come from the proxy URL's user info.
/// </summary>
internal sealed class SettingsWebProxy(ProxySettings settings) : IWebProxy, ICredentials
{
    private ICredentials? _credentials;

    /// <summary>Credentials set by the caller, or by default those in the proxy URL.</summary>
    public ICredentials? Credentials
    {
        get => _credentials ?? this;
        set => _credentials = value;
    }

    /// <summary>The proxy for <paramref name="destination"/>, or null to go direct.</summary>
    public Uri? GetProxy(Uri destination) => settings.GetProxy(destination);

    /// <summary>Whether <paramref name="host"/> is reached directly.</summary>
    public bool IsBypassed(Uri host) => settings.GetProxy(host) is null;

    /// <summary>The user and password in <paramref name="uri"/>'s user info (percent-decoded), or null.</summary>
    public NetworkCredential? GetCredential(Uri uri, string authType) => ProxySettings.Credentials(uri);
}
