using Rfc.Documents;
using Rfc.Http;
using Rfc.Transport;

namespace Rfc;

/// <summary>
/// The library's front door: fetches RFCs from a <see cref="DocumentSource"/> over the chosen transport,
/// with redirects handled above the transport. A non-200 answer is never returned as a document.
/// </summary>
public sealed class RfcClient : IAsyncDisposable
{
    /// <summary>
    /// The largest document accepted. The largest RFC is about 1.6 MB (RFC 8881); 64 MiB leaves room for
    /// decades of growth while stopping a misconfigured source from streaming without end into memory.
    /// </summary>
    public const int MaxDocumentBytes = 64 * 1024 * 1024;

    private readonly RfcClientOptions _options;
    private readonly RedirectingClient _client;

    /// <summary>Creates a client; throws <see cref="ArgumentException"/> for an unknown transport name.</summary>
    public RfcClient(RfcClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _client = new RedirectingClient(Transports.Create(options.Transport, options.Http), options.Http.Trace);
    }

    /// <summary>Where documents come from.</summary>
    public DocumentSource Source => _options.Source;

    /// <summary>
    /// Fetches RFC <paramref name="number"/>. Throws <see cref="FetchException"/>: layer
    /// <see cref="FetchLayer.Document"/> with status 404 when the source has no such RFC, and the failing
    /// layer for everything else.
    /// </summary>
    public async Task<RfcDocument> GetAsync(RfcNumber number, CancellationToken cancellationToken)
    {
        Uri uri = _options.Source.Resolve(number);
        FetchResponse response = await _client.SendAsync(new FetchRequest(uri), cancellationToken).ConfigureAwait(false);
        await using (response.ConfigureAwait(false))
        {
            if (response.StatusCode is 404 or 410)
            {
                throw new FetchException(FetchLayer.Document, $"RFC {number} was not found at {response.Uri} (HTTP {response.Status})") { StatusCode = response.StatusCode };
            }

            if (response.StatusCode != 200)
            {
                throw new FetchException(FetchLayer.Http, $"{response.Uri} answered HTTP {response.Status} instead of the document") { StatusCode = response.StatusCode };
            }

            byte[] content = await ReadAllAsync(response, cancellationToken).ConfigureAwait(false);
            _options.Http.Trace?.Trace(FetchLayer.Document, $"RFC {number}: {content.Length} bytes from {response.Uri}");
            return new RfcDocument(number, content, response.Uri);
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _client.Transport.DisposeAsync();

    private static async Task<byte[]> ReadAllAsync(FetchResponse response, CancellationToken cancellationToken)
    {
        // Read to the end before anyone sees a byte: a body cut short throws here, so a short document
        // is never printed or stored as if it were whole.
        using MemoryStream buffer = new();
        byte[] chunk = new byte[81920];
        int read;
        while ((read = await response.Content.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxDocumentBytes)
            {
                throw new FetchException(FetchLayer.Document, $"{response.Uri} sent more than {MaxDocumentBytes / (1024 * 1024)} MiB; that is not an RFC");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
