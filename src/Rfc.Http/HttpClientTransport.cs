using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Authentication;
using Rfc.Transport;

namespace Rfc.Http;

/// <summary>
/// The high-level transport: the platform's <see cref="HttpClient"/> (SocketsHttpHandler). Automatic
/// redirects and decompression are off, because <see cref="RedirectingClient"/> and
/// <see cref="ContentDecoding"/> do that above the transport for both transports alike.
/// </summary>
public sealed class HttpClientTransport : IHttpTransport
{
    private readonly HttpClient _client;
    private readonly HttpTransportOptions _options;

    /// <summary>Creates the transport with <paramref name="options"/>.</summary>
    public HttpClientTransport(HttpTransportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        SocketsHttpHandler handler = new()
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            ConnectTimeout = options.ConnectTimeout,
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
        };
        _client = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <inheritdoc />
    public string Name => "http";

    /// <inheritdoc />
    public async Task<FetchResponse> SendAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Uri uri = request.Uri;
        using HttpRequestMessage message = new(new HttpMethod(request.Method), uri)
        {
            Version = HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        message.Headers.TryAddWithoutValidation("User-Agent", _options.UserAgent);
        message.Headers.TryAddWithoutValidation("Accept", "text/plain, */*");
        if (request.IfNoneMatch is not null)
        {
            message.Headers.TryAddWithoutValidation("If-None-Match", request.IfNoneMatch);
        }

        if (request.IfModifiedSince is { } since)
        {
            message.Headers.IfModifiedSince = since;
        }

        _options.Trace?.Trace(FetchLayer.Http, $"{request.Method} {uri.PathAndQuery} HTTP/1.1 (Host: {uri.Authority}) via HttpClient");

        HttpResponseMessage response;
        using (CancellationTokenSource deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            // The connect timeout is the handler's; the rest of the wait for the head is a read timeout.
            deadline.CancelAfter(_options.ConnectTimeout + _options.ReadTimeout);
            try
            {
                response = await _client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                throw e.InnerException is TimeoutException && e.InnerException.InnerException is not null
                    ? ConnectTimeout(uri, e)
                    : ReadTimeoutStream.Timeout(uri, _options.ReadTimeout, e);
            }
            catch (HttpRequestException e)
            {
                throw Translate(e, uri, _options.ConnectTimeout);
            }
        }

        try
        {
            List<KeyValuePair<string, string>> headers = [];
            AddHeaders(headers, response.Headers);
            AddHeaders(headers, response.Content.Headers);
            _options.Trace?.Trace(FetchLayer.Http, $"HTTP/{response.Version} {(int)response.StatusCode} {response.ReasonPhrase} ({Framing(response)})");

            Stream raw = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            Stream body = new TranslatingStream(new ReadTimeoutStream(raw, _options.ReadTimeout, uri), uri);
            body = ContentDecoding.Decode(body, response.Content.Headers.ContentEncoding.Count == 0 ? null : string.Join(", ", response.Content.Headers.ContentEncoding), uri);
            return new FetchResponse(uri, (int)response.StatusCode, response.ReasonPhrase ?? string.Empty, response.Version, headers, body, new ResponseOwner(response));
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }

    private static string Framing(HttpResponseMessage response) =>
        response.Headers.TransferEncodingChunked == true ? "chunked"
        : response.Content.Headers.ContentLength is long length ? $"content-length {length}"
        : "until close";

    private static void AddHeaders(List<KeyValuePair<string, string>> list, HttpHeaders headers)
    {
        foreach (KeyValuePair<string, HeaderStringValues> header in headers.NonValidated)
        {
            foreach (string value in header.Value)
            {
                list.Add(new(header.Key, value));
            }
        }
    }

    private static FetchException ConnectTimeout(Uri uri, Exception inner) =>
        new(FetchLayer.Tcp, $"connecting to {HttpErrors.Authority(uri)} timed out", inner) { IsTimeout = true };

    /// <summary>The platform already knows the failing layer; we only translate it into ours.</summary>
    internal static FetchException Translate(HttpRequestException e, Uri uri, TimeSpan connectTimeout)
    {
        SocketException? socket = Find<SocketException>(e);
        string authority = HttpErrors.Authority(uri);
        return e.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError => new FetchException(FetchLayer.NameResolution, $"cannot resolve host '{uri.IdnHost}' ({Describe(socket)})", e) { SocketError = socket?.SocketErrorCode },
            HttpRequestError.ConnectionError when socket is not null => new FetchException(FetchLayer.Tcp, TcpMessage(socket.SocketErrorCode, authority, connectTimeout), e) { SocketError = socket.SocketErrorCode, IsTimeout = socket.SocketErrorCode == SocketError.TimedOut },
            HttpRequestError.ConnectionError => new FetchException(FetchLayer.Tcp, $"cannot connect to {authority} ({e.Message})", e),
            HttpRequestError.SecureConnectionError => new FetchException(FetchLayer.Tls, $"TLS handshake with {authority} failed ({Find<AuthenticationException>(e)?.Message ?? e.Message})", e),
            HttpRequestError.ProxyTunnelError => new FetchException(FetchLayer.Http, $"the proxy refused to open a tunnel to {authority} ({e.Message})", e),
            HttpRequestError.ResponseEnded => HttpErrors.NoResponse(uri, e),
            _ => HttpErrors.InvalidResponse(uri, e.Message, e),
        };
    }

    /// <summary>The wording of a failed TCP connect, shared with the socket transport.</summary>
    public static string TcpMessage(SocketError error, string authority, TimeSpan connectTimeout) => error switch
    {
        SocketError.ConnectionRefused => $"connection refused by {authority} ({SocketErrors.Name(error)})",
        SocketError.TimedOut => $"connecting to {authority} timed out after {HttpErrors.Seconds(connectTimeout)} ({SocketErrors.Name(error)})",
        _ => $"cannot connect to {authority} ({SocketErrors.Name(error)})",
    };

    private static string Describe(SocketException? socket) =>
        socket is null ? "unknown error" : $"{socket.Message}; {SocketErrors.Name(socket.SocketErrorCode)}";

    private static T? Find<T>(Exception e)
        where T : Exception
    {
        for (Exception? current = e; current is not null; current = current.InnerException)
        {
            if (current is T found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>Keeps the response message alive while its body is read, and disposes it after.</summary>
    private sealed class ResponseOwner(HttpResponseMessage response) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            response.Dispose();
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>Turns HttpClient's body errors into the same FetchExceptions the socket transport throws.</summary>
    private sealed class TranslatingStream(Stream inner, Uri uri) : ReadOnlyStream
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            try
            {
                return await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpIOException e) when (e.HttpRequestError == HttpRequestError.ResponseEnded)
            {
                throw HttpErrors.BodyIncomplete(uri, e);
            }
            catch (HttpIOException e)
            {
                throw HttpErrors.InvalidResponse(uri, e.Message, e);
            }
            catch (IOException e) when (e.InnerException is SocketException socket)
            {
                throw new FetchException(FetchLayer.Tcp, $"connection to {HttpErrors.Authority(uri)} failed while reading the body ({SocketErrors.Name(socket.SocketErrorCode)})", e) { SocketError = socket.SocketErrorCode };
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
