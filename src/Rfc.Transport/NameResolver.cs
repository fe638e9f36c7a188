using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Rfc.Transport;

/// <summary>
/// Turns a host into the addresses to try: IP literals as they are, names through the operating
/// system's resolver (<c>getaddrinfo</c>: <c>/etc/hosts</c>, then DNS), all addresses of both families.
/// </summary>
internal static class NameResolver
{
    /// <summary>
    /// Resolves <paramref name="host"/> to every address it has, in the order the system resolver
    /// returns them (RFC 6724 destination address selection); <see cref="TcpConnector"/> interleaves the
    /// families. An IP literal, with or without the brackets of a URI (<c>[::1]</c>), is returned as
    /// it is without a lookup.
    /// </summary>
    /// <param name="host">A host name or IP literal.</param>
    /// <param name="timeout">How long the lookup may take; <see cref="Timeout.InfiniteTimeSpan"/> for no limit.</param>
    /// <param name="trace">Receives the resolved addresses and the time taken, or null.</param>
    /// <param name="cancellationToken">The caller's token; cancelling it throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>At least one address.</returns>
    /// <exception cref="FetchException">
    /// <see cref="FetchLayer.NameResolution"/>: the name does not exist, the resolver failed (with
    /// <see cref="FetchException.SocketError"/>), or the lookup timed out (<see cref="FetchException.IsTimeout"/>).
    /// </exception>
    public static async Task<IPAddress[]> ResolveAsync(
        string host, TimeSpan timeout, ITraceSink? trace, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        cancellationToken.ThrowIfCancellationRequested();

        if (HostText.TryParseLiteral(host, out IPAddress literal))
        {
            trace?.Trace(FetchLayer.NameResolution, $"{HostText.Host(host)} is an IP literal; no lookup");
            return [literal];
        }

        using var lookupTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        lookupTimeout.CancelAfter(timeout);
        long started = Stopwatch.GetTimestamp();
        IPAddress[] addresses;
        try
        {
            // WaitAsync as well as the token: where getaddrinfo cannot be cancelled the lookup would
            // otherwise outlive the timeout. The abandoned lookup ends on its own.
            addresses = await Dns.GetHostAddressesAsync(host, lookupTimeout.Token)
                .WaitAsync(lookupTimeout.Token)
                .ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new FetchException(
                FetchLayer.NameResolution,
                $"resolving host '{host}' timed out after {HostText.Seconds(timeout)}",
                new TimeoutException(null, e))
            { IsTimeout = true };
        }
        catch (SocketException e)
        {
            throw Failure(host, e.SocketErrorCode, e);
        }

        if (addresses.Length == 0)
        {
            // getaddrinfo answered, but with no address of a family we can use.
            throw Failure(host, SocketError.NoData, inner: null);
        }

        trace?.Trace(
            FetchLayer.NameResolution,
            $"resolved {host} to {string.Join(", ", addresses.Select(a => a.ToString()))} in {HostText.Milliseconds(Stopwatch.GetElapsedTime(started))}");
        return addresses;
    }

    private static FetchException Failure(string host, SocketError error, Exception? inner)
    {
        // gai_strerror's words and the getaddrinfo code name, so the message reads like the C library's.
        return new FetchException(
            FetchLayer.NameResolution,
            $"cannot resolve host '{host}' ({SocketErrors.Describe(error)}; {SocketErrors.Name(error)})",
            inner)
        { SocketError = error };
    }
}
