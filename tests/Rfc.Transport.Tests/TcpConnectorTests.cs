using System.Net;
using System.Net.Sockets;

namespace Rfc.Transport.Tests;

public sealed class TcpConnectorTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task ConnectAsync_Connects_WhenIPv4ListenerIsUp()
    {
        using Socket listener = Loopback.Listen(IPAddress.Loopback);
        var trace = new RecordingTraceSink();

        using Socket socket = await TcpConnector.Default.ConnectAsync(
            "127.0.0.1", listener.Port(), s_timeout, trace, TestContext.Current.CancellationToken);

        Assert.True(socket.Connected);
        Assert.True(socket.NoDelay);
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, listener.Port()), socket.RemoteEndPoint);
        Assert.Contains(trace.Lines, l => l.Layer == FetchLayer.Tcp &&
            System.Text.RegularExpressions.Regex.IsMatch(l.Message, $@"^connected to 127\.0\.0\.1:{listener.Port()} in \d+\.\d ms \(attempt 1 of 1\)$"));
    }

    [Theory]
    [InlineData("::1")]
    [InlineData("[::1]")]
    public async Task ConnectAsync_Connects_WhenIPv6ListenerIsUp(string host)
    {
        Loopback.RequireIPv6();
        using Socket listener = Loopback.Listen(IPAddress.IPv6Loopback);
        var trace = new RecordingTraceSink();

        using Socket socket = await TcpConnector.Default.ConnectAsync(
            host, listener.Port(), s_timeout, trace, TestContext.Current.CancellationToken);

        Assert.Equal(new IPEndPoint(IPAddress.IPv6Loopback, listener.Port()), socket.RemoteEndPoint);
        Assert.Contains(trace.Lines, l => l.Message.StartsWith($"connected to [::1]:{listener.Port()} in ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ConnectAsync_Connects_WhenHostIsLocalhost()
    {
        // Listen on both loopback addresses: localhost may resolve to either or both.
        using Socket four = Loopback.Listen(IPAddress.Loopback);
        using Socket? six = Loopback.IPv6Available ? TryListen(IPAddress.IPv6Loopback, four.Port()) : null;

        using Socket socket = await TcpConnector.Default.ConnectAsync(
            "localhost", four.Port(), s_timeout, null, TestContext.Current.CancellationToken);

        var remote = (IPEndPoint)socket.RemoteEndPoint!;
        Assert.True(IPAddress.IsLoopback(remote.Address));
        Assert.Equal(four.Port(), remote.Port);
    }

    [Fact]
    public async Task ConnectAsync_ThrowsConnectionRefused_WhenPortIsClosed()
    {
        using Socket closed = Loopback.Closed(IPAddress.Loopback);

        FetchException e = await Assert.ThrowsAsync<FetchException>(() => TcpConnector.Default.ConnectAsync(
            "127.0.0.1", closed.Port(), s_timeout, null, TestContext.Current.CancellationToken));

        Assert.Equal(FetchLayer.Tcp, e.Layer);
        Assert.Equal(SocketError.ConnectionRefused, e.SocketError);
        Assert.Equal($"connection refused by 127.0.0.1:{closed.Port()} (ECONNREFUSED)", e.Message);
        Assert.IsType<SocketException>(e.InnerException);
        Assert.False(e.IsTimeout);
    }

    [Fact]
    public async Task ConnectAsync_NamesHostInBracketsCanonically_WhenIPv6IsRefused()
    {
        Loopback.RequireIPv6();
        using Socket closed = Loopback.Closed(IPAddress.IPv6Loopback);

        FetchException e = await Assert.ThrowsAsync<FetchException>(() => TcpConnector.Default.ConnectAsync(
            "[0:0::1]", closed.Port(), s_timeout, null, TestContext.Current.CancellationToken));

        Assert.Equal($"connection refused by [::1]:{closed.Port()} (ECONNREFUSED)", e.Message);
    }

    [Fact]
    public async Task ConnectAsync_ReportsRefusal_WhenEveryAddressRefuses()
    {
        Loopback.RequireIPv6();
        (Socket four, Socket six) = await Loopback.OnSamePortAsync(
            port => Loopback.Closed(IPAddress.Loopback, port),
            port => Task.FromResult(Loopback.Closed(IPAddress.IPv6Loopback, port)));
        using Socket fourOwner = four;
        using Socket sixOwner = six;
        var trace = new RecordingTraceSink();

        FetchException e = await Assert.ThrowsAsync<FetchException>(() => TcpConnector.Default.ConnectAsync(
            "localhost", [IPAddress.Loopback, IPAddress.IPv6Loopback], four.Port(), s_timeout, trace, TestContext.Current.CancellationToken));

        Assert.Equal($"connection refused by localhost:{four.Port()} (ECONNREFUSED)", e.Message);
        Assert.Equal(SocketError.ConnectionRefused, e.SocketError);
        Assert.Equal(2, trace.Lines.Count(l => l.Message.StartsWith("attempt ", StringComparison.Ordinal) && l.Message.Contains("failed")));
    }

    [Fact]
    public async Task ConnectAsync_ThrowsNameResolution_WhenNameDoesNotExist()
    {
        FetchException e = await Assert.ThrowsAsync<FetchException>(() => TcpConnector.Default.ConnectAsync(
            "no-such-host.invalid", 80, s_timeout, null, TestContext.Current.CancellationToken));

        Assert.Equal(FetchLayer.NameResolution, e.Layer);
        Assert.NotNull(e.SocketError);
    }

    [Fact]
    public void Interleave_StartsWithIPv6AndAlternatesFamilies()
    {
        IPAddress[] resolved =
        [
            IPAddress.Parse("192.0.2.1"), IPAddress.Parse("192.0.2.2"), IPAddress.Parse("192.0.2.3"),
            IPAddress.Parse("2001:db8::1"), IPAddress.Parse("2001:db8::2"),
        ];

        List<IPAddress> ordered = TcpConnector.Interleave(resolved);

        Assert.Equal(
            ["2001:db8::1", "192.0.2.1", "2001:db8::2", "192.0.2.2", "192.0.2.3"],
            ordered.Select(a => a.ToString()));
    }

    [Fact]
    public async Task ConnectAsync_GoodAddressWinsAfterAttemptDelay_WhenFirstAddressIsBlackHoled()
    {
        Loopback.RequireIPv6();
        // [::1]:port never answers; 127.0.0.1:port accepts. IPv6 is tried first (RFC 8305 §4).
        (Socket good, BlackHole hole) = await Loopback.OnSamePortAsync(
            port => Loopback.Listen(IPAddress.Loopback, port),
            port => BlackHole.CreateAsync(IPAddress.IPv6Loopback, port));
        using Socket goodOwner = good;
        using BlackHole holeOwner = hole;
        var trace = new RecordingTraceSink();

        // The black hole never answers, so only the attempt delay can start the second attempt: had the race waited
        // for the first attempt to fail, it would end in the overall timeout instead of connecting. No clock is read.
        using Socket socket = await TcpConnector.Default.ConnectAsync(
            "localhost", [IPAddress.Loopback, IPAddress.IPv6Loopback], good.Port(), s_timeout, trace, TestContext.Current.CancellationToken);

        Assert.Equal(new IPEndPoint(IPAddress.Loopback, good.Port()), socket.RemoteEndPoint);
        Assert.Equal(
            [$"connecting to [::1]:{good.Port()} (attempt 1 of 2)", $"connecting to 127.0.0.1:{good.Port()} (attempt 2 of 2)"],
            trace.Lines.Where(l => l.Message.StartsWith("connecting", StringComparison.Ordinal)).Select(l => l.Message));
        Assert.Contains(trace.Lines, l => l.Message.StartsWith($"connected to 127.0.0.1:{good.Port()} in ", StringComparison.Ordinal)
            && l.Message.EndsWith("(attempt 2 of 2)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ConnectAsync_StartsNextAttemptAtOnce_WhenPreviousFails()
    {
        Loopback.RequireIPv6();
        (Socket good, Socket refused) = await Loopback.OnSamePortAsync(
            port => Loopback.Listen(IPAddress.Loopback, port),
            port => Task.FromResult(Loopback.Closed(IPAddress.IPv6Loopback, port)));
        using Socket goodOwner = good;
        using Socket refusedOwner = refused;
        // An attempt delay far beyond the overall timeout: only the first attempt's failure can start the second
        // before the timeout ends the race, so connecting at all proves it started at once. No clock is read.
        var connector = new TcpConnector { ConnectionAttemptDelay = TimeSpan.FromHours(1) };

        using Socket socket = await connector.ConnectAsync(
            "localhost", [IPAddress.IPv6Loopback, IPAddress.Loopback], good.Port(), s_timeout, null, TestContext.Current.CancellationToken);

        Assert.Equal(new IPEndPoint(IPAddress.Loopback, good.Port()), socket.RemoteEndPoint);
    }

    [Fact]
    public async Task ConnectAsync_ThrowsTimeout_WhenNoAddressAnswers()
    {
        using BlackHole hole = await BlackHole.CreateAsync(IPAddress.Loopback);
        TimeSpan timeout = TimeSpan.FromMilliseconds(500);

        FetchException e = await Assert.ThrowsAsync<FetchException>(() => TcpConnector.Default.ConnectAsync(
            "127.0.0.1", hole.EndPoint.Port, timeout, null, TestContext.Current.CancellationToken));

        Assert.Equal(FetchLayer.Tcp, e.Layer);
        Assert.True(e.IsTimeout);
        Assert.Equal($"connecting to 127.0.0.1:{hole.EndPoint.Port} timed out after 0.5 s", e.Message);
        Assert.IsType<TimeoutException>(e.InnerException);
    }

    [Fact]
    public async Task ConnectAsync_ThrowsOperationCanceled_WhenCallerCancels()
    {
        using BlackHole hole = await BlackHole.CreateAsync(IPAddress.Loopback);
        using var caller = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        caller.CancelAfter(TimeSpan.FromMilliseconds(200));

        Exception? e = await Record.ExceptionAsync(() => TcpConnector.Default.ConnectAsync(
            "127.0.0.1", hole.EndPoint.Port, s_timeout, null, caller.Token));

        OperationCanceledException cancelled = Assert.IsAssignableFrom<OperationCanceledException>(e);
        Assert.Equal(caller.Token, cancelled.CancellationToken);
    }

    private static Socket? TryListen(IPAddress address, int port)
    {
        try
        {
            return Loopback.Listen(address, port);
        }
        catch (SocketException)
        {
            return null;
        }
    }
}
