namespace Rfc.Http;

/// <summary>
/// Sends one request and returns the final response's head with a streaming body. Implementations do
/// not follow redirects (<see cref="RedirectingClient"/> does, above them, for every transport alike) and
/// throw only <see cref="Rfc.Transport.FetchException"/> for failures, or
/// <see cref="OperationCanceledException"/> when the caller's token is cancelled.
/// </summary>
public interface IHttpTransport : IAsyncDisposable
{
    /// <summary>The name used on the command line: <c>http</c> or <c>socket</c>.</summary>
    string Name { get; }

    /// <summary>Sends <paramref name="request"/> and returns once the response head has arrived.</summary>
    Task<FetchResponse> SendAsync(FetchRequest request, CancellationToken cancellationToken);
}
