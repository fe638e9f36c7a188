using System.Buffers;
using Rfc.Transport;

namespace Rfc.Http.Http11;

/// <summary>
/// The response body streams, one per framing and chosen once from the head (RFC 9112 §6.3). Each reads
/// from the connection's buffer first, then from the connection, and reports the end of the body to the
/// exchange so the connection can be reused. A body that ends early throws; it never looks complete.
/// </summary>
internal abstract class Http11BodyStream(Http11Exchange exchange) : ReadOnlyStream
{
    private bool _completed;

    protected Http11Exchange Exchange { get; } = exchange;

    protected long BodyBytes { get; set; }

    protected Http11Connection Connection => Exchange.Connection;

    protected Uri Uri => Exchange.Uri;

    /// <summary>Creates the stream that <paramref name="framing"/> calls for.</summary>
    public static Http11BodyStream Create(BodyFraming framing, Http11Exchange exchange) => framing.Kind switch
    {
        BodyFramingKind.None => new EmptyBody(exchange, framing.KeepAlive),
        BodyFramingKind.ContentLength when framing.Length == 0 => new EmptyBody(exchange, framing.KeepAlive),
        BodyFramingKind.ContentLength => new ContentLengthBody(exchange, framing.Length, framing.KeepAlive),
        BodyFramingKind.Chunked => new ChunkedBody(exchange, framing.KeepAlive),
        _ => new CloseDelimitedBody(exchange),
    };

    public sealed override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_completed || buffer.IsEmpty)
        {
            return 0;
        }

        int read = await ReadBodyAsync(buffer, cancellationToken).ConfigureAwait(false);
        BodyBytes += read;
        return read;
    }

    protected abstract ValueTask<int> ReadBodyAsync(Memory<byte> buffer, CancellationToken cancellationToken);

    /// <summary>
    /// Marks the body as ended and hands the connection back; <paramref name="pending"/> counts bytes of
    /// this read that the caller has not been given yet (they are part of the body's total).
    /// </summary>
    protected async ValueTask<int> CompleteAsync(bool keepAlive, int pending = 0)
    {
        _completed = true;
        await Exchange.CompleteAsync(keepAlive, BodyBytes + pending).ConfigureAwait(false);
        return 0;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Exchange.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await Exchange.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>No body (HEAD, 1xx, 204, 304, or Content-Length: 0): complete at once.</summary>
    private sealed class EmptyBody(Http11Exchange exchange, bool keepAlive) : Http11BodyStream(exchange)
    {
        protected override ValueTask<int> ReadBodyAsync(Memory<byte> buffer, CancellationToken cancellationToken) => CompleteAsync(keepAlive);
    }

    /// <summary>Exactly <c>length</c> bytes.</summary>
    private sealed class ContentLengthBody(Http11Exchange exchange, long length, bool keepAlive) : Http11BodyStream(exchange)
    {
        private long _remaining = length;

        protected override async ValueTask<int> ReadBodyAsync(Memory<byte> buffer, CancellationToken cancellationToken)
        {
            if (_remaining == 0)
            {
                return await CompleteAsync(keepAlive).ConfigureAwait(false);
            }

            int want = (int)Math.Min(buffer.Length, _remaining);
            int read;
            if (!Connection.Buffered.IsEmpty)
            {
                read = Math.Min(want, Connection.Buffered.Length);
                Connection.BufferedMemory[..read].CopyTo(buffer);
                Connection.Consume(read);
            }
            else
            {
                read = await Connection.ReadDirectAsync(buffer[..want], Uri, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    throw HttpErrors.BodyIncomplete(Uri);
                }
            }

            _remaining -= read;
            if (_remaining == 0)
            {
                // Finish now, so the connection is pooled even if the caller never reads the final 0.
                await CompleteAsync(keepAlive, read).ConfigureAwait(false);
            }

            return read;
        }
    }

    /// <summary>The chunked transfer coding, decoded by <see cref="ChunkedDecoder"/>.</summary>
    private sealed class ChunkedBody(Http11Exchange exchange, bool keepAlive) : Http11BodyStream(exchange)
    {
        private readonly ChunkedDecoder _decoder = new();

        protected override async ValueTask<int> ReadBodyAsync(Memory<byte> buffer, CancellationToken cancellationToken)
        {
            while (true)
            {
                if (!Connection.Buffered.IsEmpty)
                {
                    OperationStatus status;
                    int consumed, written;
                    try
                    {
                        status = _decoder.Decode(Connection.Buffered, buffer.Span, out consumed, out written);
                    }
                    catch (Http11ParseException e)
                    {
                        throw e.ToFetchException(HttpErrors.Authority(Uri));
                    }

                    Connection.Consume(consumed);
                    if (status == OperationStatus.Done)
                    {
                        await CompleteAsync(keepAlive, written).ConfigureAwait(false);
                        return written;
                    }

                    if (written > 0)
                    {
                        return written;
                    }
                }

                int read = await Connection.FillAsync(Uri, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    throw HttpErrors.BodyIncomplete(Uri);
                }
            }
        }
    }

    /// <summary>Everything until the server closes the connection (never reused).</summary>
    private sealed class CloseDelimitedBody(Http11Exchange exchange) : Http11BodyStream(exchange)
    {
        protected override async ValueTask<int> ReadBodyAsync(Memory<byte> buffer, CancellationToken cancellationToken)
        {
            if (!Connection.Buffered.IsEmpty)
            {
                int n = Math.Min(buffer.Length, Connection.Buffered.Length);
                Connection.BufferedMemory[..n].CopyTo(buffer);
                Connection.Consume(n);
                return n;
            }

            int read = await Connection.ReadDirectAsync(buffer, Uri, cancellationToken).ConfigureAwait(false);
            return read == 0 ? await CompleteAsync(keepAlive: false).ConfigureAwait(false) : read;
        }
    }
}
