namespace Rfc.Http.Http11;

/// <summary>
/// A seam for the fuzzer (fuzz/Rfc.Fuzz) and tests: one whole exchange (request written, head parsed, framing
/// chosen, body stream, transfer limits and content decoding) over a stream the caller supplies instead of a
/// socket, so hostile bytes reach every layer above TCP exactly as they would from a server.
/// </summary>
internal sealed partial class SocketHttpTransport
{
    /// <summary>Sends <paramref name="request"/> over <paramref name="stream"/> and returns its response; the response owns the stream.</summary>
    internal async Task<FetchResponse> SendOverStreamAsync(Stream stream, FetchRequest request, CancellationToken cancellationToken)
    {
        System.Buffers.ArrayBufferWriter<byte> head = new(512);
        Http11RequestWriter.Write(request, _options.UserAgent, proxyAuthorization: null, absoluteForm: false, head);
        Http11Connection connection = new(socket: null, stream, "stream", _options.ReadTimeout);
        TransferClock clock = new(_options, request.Uri);
        try
        {
            return await ExchangeAsync(connection, request, proxy: null, head.WrittenMemory, System.Diagnostics.Stopwatch.GetTimestamp(), clock, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            clock.Dispose();
            throw;
        }
    }
}
