using Rfc.Transport;

namespace Rfc.Http;

/// <summary>
/// Follows redirects above the transport (RFC 9110 §15.4), so both transports share one policy:
/// 301, 302, 303, 307 and 308 with a <c>Location</c>, relative references resolved against the request URL,
/// at most <see cref="MaxRedirects"/> hops, loops and https→http downgrades refused.
/// </summary>
internal sealed class RedirectingClient
{
    /// <summary>
    /// How many redirects one fetch may follow. Ten is what browsers and curl's docs consider generous:
    /// the classic ietf.org URL needs one or two.
    /// </summary>
    public const int MaxRedirects = 10;

    private readonly IHttpTransport _transport;
    private readonly ITraceSink? _trace;

    /// <summary>Creates a client that sends every hop through <paramref name="transport"/>.</summary>
    public RedirectingClient(IHttpTransport transport, ITraceSink? trace = null)
    {
        ArgumentNullException.ThrowIfNull(transport);
        _transport = transport;
        _trace = trace;
    }

    /// <summary>The transport every hop goes through.</summary>
    public IHttpTransport Transport => _transport;

    /// <summary>Sends <paramref name="request"/> and follows redirects to the final response.</summary>
    public async Task<FetchResponse> SendAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        FetchRequest current = request;
        HashSet<Uri> visited = [current.Uri];
        for (int hops = 0; ; hops++)
        {
            FetchResponse response = await _transport.SendAsync(current, cancellationToken).ConfigureAwait(false);
            string? location = IsRedirect(response.StatusCode) ? response.Header("Location") : null;
            if (location is null)
            {
                // Not a redirect, or a 3xx without Location: RFC 9110 §15.4 makes that the final answer.
                return response;
            }

            int status = response.StatusCode;
            await response.DisposeAsync().ConfigureAwait(false);

            if (!Uri.TryCreate(current.Uri, location, out Uri? next) || (next.Scheme != Uri.UriSchemeHttp && next.Scheme != Uri.UriSchemeHttps))
            {
                throw new FetchException(FetchLayer.Http, $"{current.Uri} redirected ({status}) to an invalid location '{location}'") { StatusCode = status };
            }

            if (current.Uri.Scheme == Uri.UriSchemeHttps && next.Scheme == Uri.UriSchemeHttp)
            {
                throw new FetchException(FetchLayer.Http, $"refused redirect from {current.Uri} to insecure {next} (https to http)") { StatusCode = status };
            }

            if (!visited.Add(next))
            {
                throw new FetchException(FetchLayer.Http, $"redirect loop: {current.Uri} redirected ({status}) back to {next}") { StatusCode = status };
            }

            if (hops + 1 > MaxRedirects)
            {
                throw new FetchException(FetchLayer.Http, $"too many redirects (more than {MaxRedirects}) starting at {request.Uri}") { StatusCode = status };
            }

            _trace?.Trace(FetchLayer.Http, $"redirect {status} -> {next}");
            current = current with { Uri = next };
        }
    }

    /// <summary>True for the statuses that carry a redirect this client follows.</summary>
    public static bool IsRedirect(int statusCode) => statusCode is 301 or 302 or 303 or 307 or 308;
}
