using System.Diagnostics;
using Rfc.Transport;

namespace Rfc.Http;

/// <summary>
/// The limits on one exchange as a whole, shared by both transports: the optional total time
/// (<see cref="HttpTransportOptions.MaxTime"/>, curl's <c>--max-time</c>) and the low-speed floor
/// (<see cref="HttpTransportOptions.LowSpeedLimit"/> bytes per second over a read-timeout window, curl's
/// <c>--speed-limit</c>/<c>--speed-time</c>). The read timeout alone bounds only the gap between bytes, so a
/// server sending one byte per second would otherwise hold a fetch forever.
/// </summary>
internal sealed class TransferClock : IDisposable
{
    private readonly HttpTransportOptions _options;
    private readonly Uri _uri;
    private readonly CancellationTokenSource? _maxTime;
    private long _windowStart;
    private long _windowBytes;

    public TransferClock(HttpTransportOptions options, Uri uri)
    {
        _options = options;
        _uri = uri;
        if (options.MaxTime is TimeSpan limit)
        {
            _maxTime = new CancellationTokenSource(limit);
        }

        _windowStart = Stopwatch.GetTimestamp();
    }

    /// <summary>Cancelled when the total time is up (never, without a total limit).</summary>
    public CancellationToken Token => _maxTime?.Token ?? CancellationToken.None;

    /// <summary>True once the total time is up.</summary>
    public bool IsExpired => _maxTime?.IsCancellationRequested == true;

    /// <summary>The error for an operation cancelled because the total time is up.</summary>
    public FetchException Expired(Exception? inner = null) => HttpErrors.MaxTimeExceeded(_uri, _options.MaxTime!.Value, inner);

    /// <summary>Starts the low-speed window afresh (when the body starts).</summary>
    public void Restart()
    {
        _windowStart = Stopwatch.GetTimestamp();
        _windowBytes = 0;
    }

    /// <summary>Counts <paramref name="bytes"/> received; throws when a whole window stayed below the floor.</summary>
    public void Count(int bytes)
    {
        if (_options.LowSpeedLimit <= 0)
        {
            return;
        }

        _windowBytes += bytes;
        TimeSpan elapsed = Stopwatch.GetElapsedTime(_windowStart);
        TimeSpan window = _options.ReadTimeout;
        if (elapsed < window)
        {
            return;
        }

        if (_windowBytes / elapsed.TotalSeconds < _options.LowSpeedLimit)
        {
            throw HttpErrors.TooSlow(_uri, _options.LowSpeedLimit, window);
        }

        Restart();
    }

    public void Dispose() => _maxTime?.Dispose();
}
