using System.Net;
using System.Net.Sockets;

namespace Rfc.Transport.Tests;

public sealed class NameResolverTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData("127.0.0.1", "127.0.0.1")]
    [InlineData("::1", "::1")]
    [InlineData("[::1]", "::1")]
    [InlineData("[0:0:0:0:0:0:0:1]", "::1")]
    public async Task ResolveAsync_ReturnsTheLiteral_WhenHostIsAnIPLiteral(string host, string expected)
    {
        var trace = new RecordingTraceSink();

        IPAddress[] addresses = await NameResolver.ResolveAsync(host, s_timeout, trace, TestContext.Current.CancellationToken);

        Assert.Equal([IPAddress.Parse(expected)], addresses);
        Assert.Contains(trace.Lines, l => l.Layer == FetchLayer.NameResolution && l.Message.Contains("IP literal"));
    }

    [Fact]
    public async Task ResolveAsync_ReturnsLoopback_WhenHostIsLocalhost()
    {
        var trace = new RecordingTraceSink();

        IPAddress[] addresses = await NameResolver.ResolveAsync("localhost", s_timeout, trace, TestContext.Current.CancellationToken);

        Assert.NotEmpty(addresses);
        Assert.All(addresses, a => Assert.True(IPAddress.IsLoopback(a), $"{a} is not loopback"));
        (FetchLayer layer, string message) = Assert.Single(trace.Lines);
        Assert.Equal(FetchLayer.NameResolution, layer);
        Assert.Matches(@"^resolved localhost to [0-9a-f:., ]+ in \d+\.\d ms$", message);
    }

    [Fact]
    public async Task ResolveAsync_ThrowsNameResolution_WhenNameDoesNotExist()
    {
        FetchException e = await Assert.ThrowsAsync<FetchException>(
            () => NameResolver.ResolveAsync("no-such-host.invalid", s_timeout, null, TestContext.Current.CancellationToken));

        Assert.Equal(FetchLayer.NameResolution, e.Layer);
        Assert.NotNull(e.SocketError);
        Assert.StartsWith("cannot resolve host 'no-such-host.invalid' (", e.Message);
        Assert.EndsWith($"; {SocketErrors.Name(e.SocketError.Value)})", e.Message);
        Assert.IsType<SocketException>(e.InnerException);
        Assert.False(e.IsTimeout);
    }

    [Fact]
    public async Task ResolveAsync_ThrowsOperationCanceled_WhenCallerCancels()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => NameResolver.ResolveAsync("localhost", s_timeout, null, cancelled.Token));
    }
}
