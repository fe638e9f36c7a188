using System.Buffers;
using System.Diagnostics;
using System.Net.Sockets;
using Rfc.Transport;

namespace Rfc.Http.Http11;

/// <summary>
/// One HTTP/1.1 connection: the stream (TCP, or TLS over TCP), and the one read buffer it owns, rented
/// from <see cref="ArrayPool{T}.Shared"/> with an active region <c>[_start, _end)</c> of received bytes not
/// yet consumed. Every read has a deadline (the read timeout), so a stalled server never hangs rfc.
/// Not thread-safe: one exchange at a time, as HTTP/1.1 without pipelining is.
/// </summary>
internal sealed class Http11Connection : IAsyncDisposable
{
    /// <summary>
    /// The read buffer's size: a whole response head at its limit plus room to read on, so a head of
    /// exactly <see cref="Http11ResponseParser.MaxHeadSize"/> bytes still fits with the bytes behind it.
    /// </summary>
    public const int BufferSize = Http11ResponseParser.MaxHeadSize + 16 * 1024;

    private readonly Socket? _socket;
    private readonly TimeSpan _readTimeout;
    private byte[] _buffer;
    private int _start;
    private int _end;

    public Http11Connection(Socket? socket, Stream stream, string poolKey, TimeSpan readTimeout)
    {
        _socket = socket;
        Stream = stream;
        PoolKey = poolKey;
        _readTimeout = readTimeout;
        _buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
    }

    /// <summary>The stream requests are written to and responses read from.</summary>
    public Stream Stream { get; }

    /// <summary>Which pool this connection belongs to (scheme, host, port, proxy).</summary>
    public string PoolKey { get; }

    /// <summary>How many requests this connection has carried.</summary>
    public int Requests { get; set; }

    /// <summary>Received bytes not yet consumed.</summary>
    public ReadOnlySpan<byte> Buffered => _buffer.AsSpan(_start, _end - _start);

    /// <summary>The same, as memory (for copying into a caller's buffer).</summary>
    public ReadOnlyMemory<byte> BufferedMemory => _buffer.AsMemory(_start, _end - _start);

    /// <summary>Marks <paramref name="count"/> buffered bytes as consumed.</summary>
    public void Consume(int count)
    {
        Debug.Assert(count >= 0 && count <= _end - _start);
        _start += count;
        if (_start == _end)
        {
            _start = _end = 0;
        }
    }

    /// <summary>
    /// Reads more bytes into the buffer (after the buffered ones); returns how many, 0 at end of stream.
    /// Throws the read-timeout <see cref="FetchException"/> when nothing arrives in time.
    /// </summary>
    public async ValueTask<int> FillAsync(Uri uri, CancellationToken cancellationToken)
    {
        if (_start > 0 && _end == _buffer.Length)
        {
            // Compact: keep the unconsumed bytes at the front so the head can grow to its limit.
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            return -1; // Full: the caller's limit check decides what that means.
        }

        int read = await ReadWithDeadlineAsync(_buffer.AsMemory(_end), uri, cancellationToken).ConfigureAwait(false);
        _end += read;
        return read;
    }

    /// <summary>Reads straight into <paramref name="destination"/> (the buffer must be empty), with the deadline.</summary>
    public ValueTask<int> ReadDirectAsync(Memory<byte> destination, Uri uri, CancellationToken cancellationToken)
    {
        Debug.Assert(_start == _end);
        return ReadWithDeadlineAsync(destination, uri, cancellationToken);
    }

    /// <summary>Writes <paramref name="bytes"/> and flushes; failures become TCP-layer errors.</summary>
    public async ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, Uri uri, CancellationToken cancellationToken)
    {
        try
        {
            await Stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
            await Stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw HttpErrors.ConnectionLost(uri, (e.InnerException as SocketException)?.SocketErrorCode ?? SocketError.Shutdown, e);
        }
    }

    /// <summary>
    /// True when the idle connection can carry another request: nothing unread in the buffer, and the
    /// peer has neither closed it nor sent anything unasked (a readable idle socket means one of those).
    /// </summary>
    public bool IsReusable()
    {
        if (_start != _end)
        {
            return false;
        }

        try
        {
            return _socket is { Connected: true } && !_socket.Poll(0, SelectMode.SelectRead);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        byte[] buffer = Interlocked.Exchange(ref _buffer, []);
        try
        {
            await Stream.DisposeAsync().ConfigureAwait(false);
        }
        catch (IOException)
        {
            // Closing a connection the peer already dropped (a TLS close_notify that cannot be sent).
        }

        _socket?.Dispose();
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async ValueTask<int> ReadWithDeadlineAsync(Memory<byte> destination, Uri uri, CancellationToken cancellationToken)
    {
        using CancellationTokenSource deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_readTimeout);
        try
        {
            return await Stream.ReadAsync(destination, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw ReadTimeoutStream.Timeout(uri, _readTimeout, e);
        }
        catch (IOException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw HttpErrors.ConnectionLost(uri, (e.InnerException as SocketException)?.SocketErrorCode ?? SocketError.ConnectionReset, e);
        }
    }
}
