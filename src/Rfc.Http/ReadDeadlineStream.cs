using Rfc.Transport;

namespace Rfc.Http;

/// <summary>
/// A connection's stream for HttpClient (returned from its connect callback) whose every read has the read
/// timeout, as every read of the socket transport's connection has. Writes pass straight through.
/// </summary>
/// <remarks>
/// On a connection that starts with a TLS handshake (<see cref="StartHandshake"/>), the whole handshake must
/// also finish within the connect timeout, as the socket transport's <see cref="TlsConnector"/> requires:
/// the handler runs the handshake itself, so its reads are the only place to time it. The handler's
/// plaintext-stream filter, called once the handshake is done, ends that limit (<see cref="HandshakeDone"/>).
/// </remarks>
internal sealed class ReadDeadlineStream(Stream inner, TimeSpan timeout, Uri uri) : ReadOnlyStream
{
    private string? _handshakeHost;
    private TimeSpan _handshakeLimit;
    private long _handshakeEnds;

    public override bool CanWrite => true;

    /// <summary>From now on, reads also fail once a handshake with <paramref name="host"/> has taken <paramref name="limit"/>.</summary>
    public void StartHandshake(string host, TimeSpan limit)
    {
        _handshakeLimit = limit;
        _handshakeEnds = Environment.TickCount64 + (long)limit.TotalMilliseconds;
        Volatile.Write(ref _handshakeHost, host);
    }

    /// <summary>The handshake finished: reads have only the read timeout again.</summary>
    public void HandshakeDone() => Volatile.Write(ref _handshakeHost, null);

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        string? handshake = Volatile.Read(ref _handshakeHost);
        TimeSpan limit = timeout;
        if (handshake is not null)
        {
            TimeSpan left = TimeSpan.FromMilliseconds(Math.Max(0, _handshakeEnds - Environment.TickCount64));
            limit = left < timeout ? left : timeout;
        }

        using CancellationTokenSource deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(limit);
        try
        {
            return await inner.ReadAsync(buffer, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw handshake is not null && limit < timeout
                ? TlsConnector.HandshakeTimedOut(handshake, _handshakeLimit, e)
                : ReadTimeoutStream.Timeout(uri, timeout, e);
        }
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => inner.WriteAsync(buffer, cancellationToken);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => inner.WriteAsync(buffer, offset, count, cancellationToken);

    public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override void Flush() => inner.Flush();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }
}
