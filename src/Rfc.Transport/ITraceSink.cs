namespace Rfc.Transport;

/// <summary>
/// Receives one line per layer as a request goes down the stack and the response comes back
/// (<c>--trace</c>). Implementations must be thread-safe: Happy Eyeballs traces from several attempts.
/// </summary>
public interface ITraceSink
{
    /// <summary>Records that <paramref name="layer"/> did or saw <paramref name="message"/>.</summary>
    void Trace(FetchLayer layer, string message);

    /// <summary>
    /// Records a line from the library above the network stack (the store, documents, the index): what was read
    /// locally and what arrived. Sinks that show only the network ignore it.
    /// </summary>
    void TraceLibrary(string message)
    {
    }
}
