using Rfc.Transport;

namespace Rfc.Http;

/// <summary>
/// The raw body (transfer coding removed, content coding not yet) under the exchange's
/// <see cref="TransferClock"/>: every read is cut off when the total time is up and counted against the
/// low-speed floor. Both transports put their body under one, so the limits trip alike.
/// </summary>
internal sealed class TransferLimitStream : ReadOnlyStream
{
    private readonly Stream _inner;
    private readonly TransferClock _clock;

    public TransferLimitStream(Stream inner, TransferClock clock)
    {
        _inner = inner;
        _clock = clock;
        clock.Restart();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int read;
        if (_clock.Token.CanBeCanceled)
        {
            using CancellationTokenSource linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _clock.Token);
            try
            {
                read = await _inner.ReadAsync(buffer, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested && _clock.IsExpired)
            {
                throw _clock.Expired(e);
            }
            catch (FetchException e) when (e.IsTimeout && _clock.IsExpired)
            {
                throw _clock.Expired(e);
            }
        }
        else
        {
            read = await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }

        _clock.Count(read);
        return read;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
            _clock.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await _inner.DisposeAsync().ConfigureAwait(false);
        _clock.Dispose();
        await base.DisposeAsync().ConfigureAwait(false);
    }
}
