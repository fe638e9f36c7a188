namespace Rfc.Http;

/// <summary>One HTTP request as the layers above the transport describe it. Only GET and HEAD are used.</summary>
public sealed record FetchRequest
{
    /// <summary>Creates a GET request for <paramref name="uri"/>, which must be absolute http or https.</summary>
    public FetchRequest(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"'{uri}' is not an absolute http or https URL", nameof(uri));
        }

        Uri = uri;
    }

    /// <summary>The absolute http or https URL.</summary>
    public Uri Uri { get; init; }

    /// <summary>GET (the default) or HEAD.</summary>
    public string Method { get; init; } = "GET";

    /// <summary>An entity tag for <c>If-None-Match</c>, exactly as the server sent it (quotes included).</summary>
    public string? IfNoneMatch { get; init; }

    /// <summary>A date for <c>If-Modified-Since</c>.</summary>
    public DateTimeOffset? IfModifiedSince { get; init; }
}
