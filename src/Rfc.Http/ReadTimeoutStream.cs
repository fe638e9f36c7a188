using Rfc.Transport;

namespace Rfc.Http;

/// <summary>
/// Gives every read a deadline, so a server that stalls mid-body never hangs rfc. Only the caller's own
/// token yields <see cref="OperationCanceledException"/>; the deadline surfaces as a timeout
/// <see cref="FetchException"/>.
/// </summary>
internal sealed class ReadTimeoutStream(Stream inner, TimeSpan timeout, Uri uri) : ReadOnlyStream
{
    /// <inheritdoc />
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        using CancellationTokenSource deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            return await inner.ReadAsync(buffer, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw Timeout(uri, timeout, e);
        }
    }

    /// <summary>The error both transports report when the server sends nothing for <paramref name="timeout"/>.</summary>
    public static FetchException Timeout(Uri uri, TimeSpan timeout, Exception? inner = null) =>
        new(FetchLayer.Http, $"{HttpErrors.Authority(uri)} sent nothing for {HostText.Seconds(timeout)}", new TimeoutException(null, inner))
        {
            IsTimeout = true,
            Limit = FetchLimit.ReadTimeout,
        };

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
