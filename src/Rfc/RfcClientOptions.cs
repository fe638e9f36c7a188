using Rfc.Http;

namespace Rfc;

/// <summary>How an <see cref="RfcClient"/> fetches documents.</summary>
public sealed record RfcClientOptions
{
    /// <summary>Where documents come from.</summary>
    public DocumentSource Source { get; init; } = DocumentSource.Default;

    /// <summary>Which transport: <c>http</c> (HttpClient) or <c>socket</c> (our HTTP/1.1 client).</summary>
    public string Transport { get; init; } = "http";

    /// <summary>The store's directory (<see cref="Rfc.Storage.StoreLocation"/>), or null to keep nothing.</summary>
    public string? StoreDirectory { get; init; }

    /// <summary>Settings shared by both transports.</summary>
    public HttpTransportOptions Http { get; init; } = new();
}
