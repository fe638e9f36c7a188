using System.Diagnostics;
using Rfc.Transport;

namespace Rfc.Http.Http11;

/// <summary>
/// One request/response on a connection: owns the connection until the body ends, then gives it back to
/// the pool (when the framing allows reuse and nothing unread is left) or closes it. Disposing it before
/// the body ended closes the connection: its state is unknown.
/// </summary>
internal sealed class Http11Exchange : IAsyncDisposable
{
    private readonly Http11ConnectionPool _pool;
    private readonly ITraceSink? _trace;
    private readonly long _started;
    private Http11Connection? _connection;

    public Http11Exchange(Http11Connection connection, Http11ConnectionPool pool, Uri uri, ITraceSink? trace, long started)
    {
        _connection = connection;
        _pool = pool;
        Uri = uri;
        _trace = trace;
        _started = started;
    }

    public Uri Uri { get; }

    public Http11Connection Connection => _connection ?? throw new ObjectDisposedException(nameof(Http11Exchange));

    /// <summary>Called by the body stream when the body has ended.</summary>
    public async ValueTask CompleteAsync(bool keepAlive, long bodyBytes)
    {
        Http11Connection? connection = Interlocked.Exchange(ref _connection, null);
        if (connection is null)
        {
            return;
        }

        bool reuse = keepAlive && connection.Buffered.IsEmpty;
        _trace?.Trace(FetchLayer.Http, $"body complete: {bodyBytes} bytes in {Stopwatch.GetElapsedTime(_started).TotalMilliseconds:0.0} ms; connection {(reuse ? "kept for reuse" : "closed")}");
        if (reuse)
        {
            await _pool.ReturnAsync(connection).ConfigureAwait(false);
        }
        else
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http11Connection? connection = Interlocked.Exchange(ref _connection, null);
        if (connection is not null)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }
}
