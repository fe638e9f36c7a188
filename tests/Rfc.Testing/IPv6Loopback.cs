using System.Net;
using System.Net.Sockets;

namespace Rfc.Testing;

/// <summary>The one probe for IPv6 loopback ([::1]) every test project uses: binding a socket to it, not asking the OS in general.</summary>
public static class IPv6Loopback
{
    private static readonly Lazy<bool> s_available = new(() =>
    {
        try
        {
            using Socket probe = new(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp);
            probe.Bind(new IPEndPoint(IPAddress.IPv6Loopback, 0));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    });

    /// <summary>True when a socket can bind to [::1].</summary>
    public static bool IsAvailable => s_available.Value;

    /// <summary>Why a test that needs [::1] must skip, or null when it can run (pass it to <c>Assert.Skip</c>).</summary>
    public static string? SkipReason => IsAvailable ? null : "IPv6 loopback ([::1]) is not available on this machine";
}
