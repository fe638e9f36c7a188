namespace Rfc.Testing;

/// <summary>
/// Lets a test server answer a fixed number of requests and then hold every later one until the test opens the gate:
/// a test that interrupts work (kill -9, Ctrl+C) interrupts it at a known point, whatever the machine's speed.
/// </summary>
/// <param name="after">How many requests pass before the gate holds the rest.</param>
public sealed class ServerGate(int after) : IDisposable
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _arrived;

    /// <summary>Completes once <c>after</c> requests have passed and the next one is held.</summary>
    public Task Reached => _reached.Task;

    /// <summary>Called by the server's handler before it answers: returns at once for the first requests, then waits for <see cref="Open"/>.</summary>
    public Task PassAsync()
    {
        if (Interlocked.Increment(ref _arrived) <= after || _open.Task.IsCompleted)
        {
            return Task.CompletedTask;
        }

        _reached.TrySetResult();
        return _open.Task;
    }

    /// <summary>Lets every held and later request through.</summary>
    public void Open() => _open.TrySetResult();

    /// <inheritdoc />
    public void Dispose() => Open();
}
