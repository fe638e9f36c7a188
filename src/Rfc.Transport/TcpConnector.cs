using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Rfc.Transport;

/// <summary>
/// Opens a TCP connection with Happy Eyeballs version 2 (RFC 8305): addresses of both families are
/// interleaved, IPv6 first; a new attempt starts every <see cref="ConnectionAttemptDelay"/> without
/// waiting for the previous one to fail, or at once when it does; the first to connect wins and the
/// others are cancelled.
/// </summary>
internal sealed class TcpConnector
{
    /// <summary>
    /// RFC 8305 §5 "Connection Attempt Delay": the recommended value. The RFC allows 100 ms to 2 s;
    /// 250 ms lets a healthy path win the race while a black-holed one costs only a quarter second.
    /// </summary>
    public const int DefaultConnectionAttemptDelayMilliseconds = 250;

    /// <summary>A connector with the RFC's recommended attempt delay.</summary>
    public static TcpConnector Default { get; } = new();

    /// <summary>
    /// How long to wait after starting one attempt before starting the next while the first is still
    /// pending (RFC 8305 §5). Tests shorten or lengthen it; the default is
    /// <see cref="DefaultConnectionAttemptDelayMilliseconds"/>.
    /// </summary>
    public TimeSpan ConnectionAttemptDelay { get; init; } = TimeSpan.FromMilliseconds(DefaultConnectionAttemptDelayMilliseconds);

    /// <summary>
    /// Resolves <paramref name="host"/> and connects to <paramref name="port"/> on the first of its
    /// addresses to answer. <paramref name="timeout"/> covers resolution and connect together.
    /// </summary>
    /// <param name="host">A host name or IP literal; an IPv6 literal may keep its URI brackets (<c>[::1]</c>).</param>
    /// <param name="port">The TCP port.</param>
    /// <param name="timeout">The limit for resolution plus connect.</param>
    /// <param name="trace">Receives one line per resolution, attempt, failure and the winner, or null.</param>
    /// <param name="cancellationToken">The caller's token; cancelling it throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>A connected socket with <c>TCP_NODELAY</c> set; the caller owns it.</returns>
    /// <exception cref="FetchException">
    /// <see cref="FetchLayer.NameResolution"/> when the host has no address; <see cref="FetchLayer.Tcp"/>
    /// when every address refused or failed (the last failure is reported, with its
    /// <see cref="FetchException.SocketError"/>), or when the timeout expired (<see cref="FetchException.IsTimeout"/>).
    /// </exception>
    public async Task<Socket> ConnectAsync(
        string host, int port, TimeSpan timeout, ITraceSink? trace, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        ArgumentOutOfRangeException.ThrowIfLessThan(port, IPEndPoint.MinPort);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, IPEndPoint.MaxPort);

        long started = Stopwatch.GetTimestamp();
        IPAddress[] addresses = await NameResolver.ResolveAsync(host, timeout, trace, cancellationToken).ConfigureAwait(false);
        TimeSpan remaining = timeout == Timeout.InfiniteTimeSpan
            ? timeout
            : (timeout - Stopwatch.GetElapsedTime(started)) switch { var left when left > TimeSpan.Zero => left, _ => TimeSpan.Zero };
        return await ConnectAsync(host, addresses, port, remaining, timeout, trace, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Connects to <paramref name="port"/> on the first of <paramref name="addresses"/> to answer,
    /// without resolving anything: the addresses are interleaved by family (IPv6 first) and raced.
    /// </summary>
    /// <param name="host">The host as the user wrote it; used only in messages and trace lines.</param>
    /// <param name="addresses">The addresses to try, in order of preference within each family.</param>
    /// <param name="port">The TCP port.</param>
    /// <param name="timeout">The limit for the whole race.</param>
    /// <param name="trace">Receives one line per attempt, failure and the winner, or null.</param>
    /// <param name="cancellationToken">The caller's token; cancelling it throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>A connected socket with <c>TCP_NODELAY</c> set; the caller owns it.</returns>
    /// <exception cref="FetchException">
    /// <see cref="FetchLayer.Tcp"/> when every address failed (the last failure is reported) or the
    /// timeout expired (<see cref="FetchException.IsTimeout"/>).
    /// </exception>
    public Task<Socket> ConnectAsync(
        string host, IReadOnlyList<IPAddress> addresses, int port, TimeSpan timeout, ITraceSink? trace, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        ArgumentNullException.ThrowIfNull(addresses);
        ArgumentOutOfRangeException.ThrowIfZero(addresses.Count);
        ArgumentOutOfRangeException.ThrowIfLessThan(port, IPEndPoint.MinPort);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, IPEndPoint.MaxPort);
        return ConnectAsync(host, addresses, port, timeout, timeout, trace, cancellationToken);
    }

    /// <summary>
    /// RFC 8305 §4: IPv6 first, then alternate families (First Address Family Count of 1); within a
    /// family the resolver's order is kept.
    /// </summary>
    internal static List<IPAddress> Interleave(IReadOnlyList<IPAddress> addresses)
    {
        var v6 = new Queue<IPAddress>(addresses.Where(a => a.AddressFamily == AddressFamily.InterNetworkV6));
        var others = new Queue<IPAddress>(addresses.Where(a => a.AddressFamily != AddressFamily.InterNetworkV6));
        var ordered = new List<IPAddress>(addresses.Count);
        while (v6.Count > 0 || others.Count > 0)
        {
            if (v6.TryDequeue(out IPAddress? six))
            {
                ordered.Add(six);
            }

            if (others.TryDequeue(out IPAddress? four))
            {
                ordered.Add(four);
            }
        }

        return ordered;
    }

    private async Task<Socket> ConnectAsync(
        string host,
        IReadOnlyList<IPAddress> addresses,
        int port,
        TimeSpan timeout,
        TimeSpan reportedTimeout,
        ITraceSink? trace,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        List<IPAddress> ordered = Interleave(addresses);
        long started = Stopwatch.GetTimestamp();

        // One source for the timeout, the caller's token and "a winner was found": cancelling it stops
        // every pending attempt and the stagger timer.
        using var race = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        race.CancelAfter(timeout);

        var pending = new List<Task<Socket>>(ordered.Count);
        var attemptNumbers = new Dictionary<Task<Socket>, int>(ordered.Count);
        SocketException? lastFailure = null;
        IPEndPoint? lastFailedEndPoint = null;
        Task stagger = Task.CompletedTask;
        int next = 0;

        void StartNext()
        {
            var endPoint = new IPEndPoint(ordered[next], port);
            next++;
            trace?.Trace(FetchLayer.Tcp, $"connecting to {HostText.EndPoint(endPoint)} (attempt {next} of {ordered.Count})");
            Task<Socket> attempt = AttemptAsync(endPoint, race.Token);
            pending.Add(attempt);
            attemptNumbers[attempt] = next;
            stagger = next < ordered.Count ? Task.Delay(ConnectionAttemptDelay, race.Token) : Task.CompletedTask;
        }

        StartNext();
        try
        {
            while (pending.Count > 0)
            {
                Task done = next < ordered.Count
                    ? await Task.WhenAny([.. pending, stagger]).ConfigureAwait(false)
                    : await Task.WhenAny(pending).ConfigureAwait(false);

                if (race.IsCancellationRequested)
                {
                    break;
                }

                if (done == stagger)
                {
                    // RFC 8305 §5: the previous attempt has had its head start; race the next address.
                    StartNext();
                    continue;
                }

                var attempt = (Task<Socket>)done;
                pending.Remove(attempt);
                int number = attemptNumbers[attempt];
                if (attempt.IsCompletedSuccessfully)
                {
                    Socket socket = attempt.Result;
                    trace?.Trace(
                        FetchLayer.Tcp,
                        $"connected to {HostText.EndPoint((IPEndPoint)socket.RemoteEndPoint!)} in {HostText.Milliseconds(Stopwatch.GetElapsedTime(started))} (attempt {number} of {ordered.Count})");
                    return socket;
                }

                if (attempt.Exception?.InnerException is SocketException failure)
                {
                    lastFailure = failure;
                    lastFailedEndPoint = new IPEndPoint(ordered[number - 1], port);
                    trace?.Trace(
                        FetchLayer.Tcp,
                        $"attempt {number} to {HostText.EndPoint(lastFailedEndPoint)} failed after {HostText.Milliseconds(Stopwatch.GetElapsedTime(started))}: {SocketErrors.Describe(failure.SocketErrorCode)} ({SocketErrors.Name(failure.SocketErrorCode)})");
                }
                else
                {
                    // Not a network failure (out of memory, a bug): do not hide it behind a FetchException.
                    await attempt.ConfigureAwait(false);
                }

                if (next < ordered.Count)
                {
                    // RFC 8305 §5: a failure starts the next attempt at once rather than after the delay.
                    StartNext();
                }
            }
        }
        finally
        {
            // Losers are cancelled and their sockets disposed, including one that connects in the
            // instant between the winner's completion and the cancellation.
            race.Cancel();
            foreach (Task<Socket> loser in pending)
            {
                DisposeWhenDone(loser);
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (lastFailure is null || pending.Count > 0)
        {
            throw new FetchException(
                FetchLayer.Tcp,
                $"connecting to {HostText.Authority(host, port)} timed out after {HostText.Seconds(reportedTimeout)}",
                new TimeoutException(null, lastFailure))
            { IsTimeout = true };
        }

        Debug.Assert(lastFailedEndPoint is not null, "a failure always records its endpoint");
        throw Failure(host, port, lastFailure);
    }

    /// <summary>
    /// The failure of the last attempt to fail. Reporting the last one matches curl and
    /// <see cref="Socket.ConnectAsync(EndPoint)"/> with a <see cref="DnsEndPoint"/> (which HttpClient
    /// uses), so both transports name the same error; every attempt's failure is in the trace.
    /// </summary>
    private static FetchException Failure(string host, int port, SocketException failure)
    {
        string authority = HostText.Authority(host, port);
        string name = SocketErrors.Name(failure.SocketErrorCode);
        string message = failure.SocketErrorCode == SocketError.ConnectionRefused
            ? $"connection refused by {authority} ({name})"
            : $"cannot connect to {authority}: {SocketErrors.Describe(failure.SocketErrorCode)} ({name})";
        return new FetchException(FetchLayer.Tcp, message, failure) { SocketError = failure.SocketErrorCode };
    }

    private static async Task<Socket> AttemptAsync(IPEndPoint endPoint, CancellationToken cancellationToken)
    {
        Socket? socket = null;
        try
        {
            socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync(endPoint, cancellationToken).ConfigureAwait(false);
            return socket;
        }
        catch
        {
            socket?.Dispose();
            throw;
        }
    }

    private static void DisposeWhenDone(Task<Socket> attempt) =>
        attempt.ContinueWith(
            static t =>
            {
                if (t.IsCompletedSuccessfully)
                {
                    t.Result.Dispose();
                }
                else
                {
                    _ = t.Exception; // observed: a cancelled or failed loser is expected
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
}
