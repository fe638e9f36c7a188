using System.Diagnostics;
using System.Globalization;

namespace Rfc.Transport;

/// <summary>
/// Writes trace lines to a <see cref="TextWriter"/>, one per call, with the time since the sink was
/// created and a layer column: <c>    12.3 ms  tcp   connected to [::1]:8443 in 1.2 ms (attempt 1 of 2)</c>.
/// Thread-safe: Happy Eyeballs attempts trace concurrently and lines never interleave.
/// </summary>
public sealed class TextWriterTraceSink : ITraceSink
{
    private readonly TextWriter _writer;
    private readonly TimeProvider _time;
    private readonly long _created;
    private readonly Lock _lock = new();

    /// <summary>Creates a sink writing to <paramref name="writer"/>; elapsed times count from now.</summary>
    /// <param name="writer">Where lines go (standard error for <c>--trace</c>).</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when null.</param>
    public TextWriterTraceSink(TextWriter writer, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _writer = writer;
        _time = timeProvider ?? TimeProvider.System;
        _created = _time.GetTimestamp();
    }

    /// <summary>The short name in the layer column: <c>dns</c>, <c>tcp</c>, <c>tls</c>, <c>http</c> (and <c>doc</c> for the library's lines).</summary>
    public static string LayerName(FetchLayer layer) => layer switch
    {
        FetchLayer.NameResolution => "dns",
        FetchLayer.Tcp => "tcp",
        FetchLayer.Tls => "tls",
        FetchLayer.Http => "http",
        _ => layer.ToString().ToLowerInvariant(),
    };

    /// <inheritdoc/>
    public void Trace(FetchLayer layer, string message) => Write(LayerName(layer), message);

    /// <inheritdoc/>
    public void TraceLibrary(string message) => Write("doc", message);

    private void Write(string layer, string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        TimeSpan elapsed = _time.GetElapsedTime(_created);
        string line = string.Create(
            CultureInfo.InvariantCulture,
            $"{elapsed.TotalMilliseconds,9:0.0} ms  {layer,-5} {message}");
        Debug.Assert(!message.Contains('\n', StringComparison.Ordinal), "one trace call is one line");
        lock (_lock)
        {
            _writer.WriteLine(line);
            _writer.Flush();
        }
    }
}
