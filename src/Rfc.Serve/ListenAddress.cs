using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;

namespace Rfc.Serve;

/// <summary>
/// Where <c>rfc serve</c> listens: an IP literal and a port, written <c>127.0.0.1:8080</c>, <c>[::1]:8080</c> or
/// <c>0.0.0.0:8080</c>. Host names are refused: which interfaces a name means is exactly what must not be guessed.
/// </summary>
internal static class ListenAddress
{
    /// <summary>The default: loopback only, port 8080.</summary>
    public const string Default = "127.0.0.1:8080";

    /// <summary>Parses <paramref name="text"/>; false (with <paramref name="error"/> saying why) when it is not an IP literal and port.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out IPEndPoint? endPoint, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        endPoint = null;
        int colon = text.LastIndexOf(':');
        if (colon <= 0)
        {
            error = "give an address and a port, such as 127.0.0.1:8080, [::1]:8080 or 0.0.0.0:8080";
            return false;
        }

        string host = text[..colon];
        string portText = text[(colon + 1)..];
        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            host = host[1..^1];
        }
        else if (host.Contains(':', StringComparison.Ordinal))
        {
            error = "write an IPv6 address in brackets, such as [::1]:8080";
            return false;
        }

        if (!IPAddress.TryParse(host, out IPAddress? address))
        {
            error = $"'{host}' is not an IP address (rfc serve listens on an address, not a host name)";
            return false;
        }

        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port is < 1 or > IPEndPoint.MaxPort)
        {
            error = $"'{portText}' is not a port number (1 to {IPEndPoint.MaxPort})";
            return false;
        }

        endPoint = new IPEndPoint(address, port);
        error = null;
        return true;
    }

    /// <summary>The address as people write it: <c>127.0.0.1:8080</c>, <c>[::1]:8080</c>.</summary>
    public static string Format(IPEndPoint endPoint)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        return endPoint.ToString();
    }
}
