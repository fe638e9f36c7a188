using System.Collections.Concurrent;

namespace Rfc.Http.Http11;

/// <summary>
/// Idle keep-alive connections by destination. A connection comes back only after its response body
/// was read to the end and the response allowed reuse; it is checked again before it is handed out.
/// </summary>
internal sealed class Http11ConnectionPool : IAsyncDisposable
{
    /// <summary>
    /// Idle connections kept per destination: the mirror runs 6 workers by default, so a few more than that
    /// covers every worker without holding sockets nobody will use.
    /// </summary>
    public const int MaxIdlePerDestination = 16;

    private readonly ConcurrentDictionary<string, ConcurrentStack<Http11Connection>> _idle = new(StringComparer.Ordinal);
    private bool _disposed;

    /// <summary>An idle connection to <paramref name="key"/> that is still usable, or null.</summary>
    public async ValueTask<Http11Connection?> RentAsync(string key)
    {
        if (!_idle.TryGetValue(key, out ConcurrentStack<Http11Connection>? stack))
        {
            return null;
        }

        while (stack.TryPop(out Http11Connection? connection))
        {
            if (connection.IsReusable())
            {
                return connection;
            }

            await connection.DisposeAsync().ConfigureAwait(false);
        }

        return null;
    }

    /// <summary>Takes back a connection whose exchange finished cleanly; closes it when the pool is full or gone.</summary>
    public async ValueTask ReturnAsync(Http11Connection connection)
    {
        ConcurrentStack<Http11Connection> stack = _idle.GetOrAdd(connection.PoolKey, _ => new ConcurrentStack<Http11Connection>());
        if (Volatile.Read(ref _disposed) || stack.Count >= MaxIdlePerDestination)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            return;
        }

        stack.Push(connection);
    }

    public async ValueTask DisposeAsync()
    {
        Volatile.Write(ref _disposed, true);
        foreach (ConcurrentStack<Http11Connection> stack in _idle.Values)
        {
            while (stack.TryPop(out Http11Connection? connection))
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
