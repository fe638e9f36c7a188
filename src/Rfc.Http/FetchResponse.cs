namespace Rfc.Http;

/// <summary>
/// A response whose head has arrived. <see cref="Content"/> streams the body with the transfer coding
/// removed and any content coding (gzip, deflate) decoded; reading it to the end verifies the body was
/// complete, and an incomplete body throws a <see cref="Rfc.Transport.FetchException"/>.
/// Dispose it to release (or pool) the connection.
/// </summary>
public sealed class FetchResponse : IAsyncDisposable, IDisposable
{
    private readonly IAsyncDisposable? _owner;

    /// <summary>Creates a response; <paramref name="owner"/> is disposed with it (a connection lease, an HttpResponseMessage).</summary>
    public FetchResponse(Uri uri, int statusCode, string reasonPhrase, Version version, IReadOnlyList<KeyValuePair<string, string>> headers, Stream content, IAsyncDisposable? owner = null)
    {
        Uri = uri;
        StatusCode = statusCode;
        ReasonPhrase = reasonPhrase;
        Version = version;
        Headers = headers;
        Content = content;
        _owner = owner;
    }

    /// <summary>The URL this response answers.</summary>
    public Uri Uri { get; }

    /// <summary>The status code of the final (non-1xx) response.</summary>
    public int StatusCode { get; }

    /// <summary>The reason phrase as sent, or the standard one when the server sent none.</summary>
    public string ReasonPhrase { get; }

    /// <summary>The HTTP version of the response (1.0 or 1.1).</summary>
    public Version Version { get; }

    /// <summary>Every header field in wire order, names as sent.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    /// <summary>The decoded body.</summary>
    public Stream Content { get; }

    /// <summary>The status as people write it: <c>404 Not Found</c>.</summary>
    public string Status => ReasonPhrase.Length == 0 ? StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{StatusCode} {ReasonPhrase}";

    /// <summary>The first value of header <paramref name="name"/> (case-insensitive), or null.</summary>
    public string? Header(string name)
    {
        foreach (KeyValuePair<string, string> field in Headers)
        {
            if (string.Equals(field.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return field.Value;
            }
        }

        return null;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Content.DisposeAsync().ConfigureAwait(false);
        if (_owner is not null)
        {
            await _owner.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
