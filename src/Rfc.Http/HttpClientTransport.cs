using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Authentication;
using Rfc.Transport;

namespace Rfc.Http;

/// <summary>
/// The high-level transport: the platform's <see cref="HttpClient"/> (SocketsHttpHandler). Automatic
/// redirects and decompression are off, because <see cref="RedirectingClient"/> and
/// <see cref="ContentDecoding"/> do that above the transport for both transports alike. The handler's
/// hooks take the rest from the transport layer, so both transports resolve, connect (Happy Eyeballs),
/// trust certificates and choose proxies the same way and fail with the same words:
/// <see cref="SocketsHttpHandler.ConnectCallback"/> is <see cref="TcpConnector"/>, the certificate
/// check is <see cref="TlsCertificateValidator"/>, the proxy is <see cref="ProxySettings"/>.
/// </summary>
public sealed class HttpClientTransport : IHttpTransport
{
    private readonly HttpClient _client;
    private readonly HttpTransportOptions _options;
    private readonly ProxySettings _proxies;
    private readonly TlsCertificateValidator _validator;

    /// <summary>Creates the transport with <paramref name="options"/>.</summary>
    public HttpClientTransport(HttpTransportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _proxies = ProxySettings.FromEnvironment(options.Environment);
        _validator = TlsCertificateValidator.Create(options.CaFile);
        SocketsHttpHandler handler = new()
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            // The connect callback enforces the connect timeout with the transport layer's wording; the
            // handler's own limit is only a backstop that also bounds the TLS handshake.
            ConnectTimeout = options.ConnectTimeout * 2,
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
            MaxConnectionsPerServer = options.MaxConnectionsPerServer,
            Proxy = _proxies.AsWebProxy(),
            UseProxy = true,
            SslOptions = SslOptions(_validator, options.Trace),
            ConnectCallback = ConnectAsync,
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

        // The handler quietly connects directly when the proxy lookup throws; ask first so a bad proxy
        // variable is an error here exactly as in the socket transport.
        Uri? proxy = _proxies.GetProxy(uri);
        _options.Trace?.Trace(FetchLayer.Http, proxy is null
            ? $"{request.Method} {uri.PathAndQuery} HTTP/1.1 (Host: {uri.Authority}) via HttpClient"
            : $"{request.Method} {uri} HTTP/1.1 via HttpClient through proxy {proxy.Authority}");

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
                throw Translate(e, uri, proxy, _validator.LastRejection);
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

    /// <summary>The validator's options, with a trace of the handshake when <c>--trace</c> is on.</summary>
    private static System.Net.Security.SslClientAuthenticationOptions SslOptions(TlsCertificateValidator validator, ITraceSink? trace)
    {
        System.Net.Security.SslClientAuthenticationOptions ssl = validator.CreateSslOptions(null);
        if (trace is not null)
        {
            ssl.RemoteCertificateValidationCallback = (sender, certificate, chain, errors) =>
            {
                // Mid-handshake: the protocol and cipher are chosen; ALPN and RemoteCertificate are not
                // readable yet, so the certificate comes from the callback's argument.
                if (sender is System.Net.Security.SslStream stream)
                {
                    trace.Trace(FetchLayer.Tls, $"{TlsConnector.ProtocolName(stream.SslProtocol)} with {stream.NegotiatedCipherSuite} (HttpClient)");
                }

                if (certificate is not null)
                {
                    TlsConnector.TraceCertificate(certificate, trace);
                }

                return validator.Validate(sender, certificate, chain, errors);
            };
        }

        return ssl;
    }

    /// <summary>Connects through the transport layer: the same resolution, Happy Eyeballs and errors as the socket transport.</summary>
    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        Socket socket = await TcpConnector.Default.ConnectAsync(context.DnsEndPoint.Host, context.DnsEndPoint.Port, _options.ConnectTimeout, _options.Trace, cancellationToken).ConfigureAwait(false);
        return new NetworkStream(socket, ownsSocket: true);
    }

    /// <summary>
    /// The platform already knows the failing layer; we only translate it into ours. Failures of the
    /// connect callback are the transport layer's own <see cref="FetchException"/>, passed through as they are.
    /// </summary>
    internal static FetchException Translate(HttpRequestException e, Uri uri, Uri? proxy, string? tlsRejection)
    {
        if (Find<FetchException>(e) is { } fromTransport)
        {
            return fromTransport;
        }

        return e.HttpRequestError switch
        {
            HttpRequestError.SecureConnectionError => TlsConnector.HandshakeFailed(HostText.Host(uri), tlsRejection ?? Find<AuthenticationException>(e)?.Message ?? e.Message, e),
            HttpRequestError.ProxyTunnelError when proxy is not null => HttpErrors.TunnelRefused(proxy, uri, TunnelStatus(e), e),
            HttpRequestError.ResponseEnded => HttpErrors.NoResponse(uri, e),
            _ when Find<SocketException>(e) is { } socket => HttpErrors.ConnectionLost(uri, socket.SocketErrorCode, e),
            _ => HttpErrors.InvalidResponse(uri, e.Message, e),
        };
    }

    /// <summary>HttpClient says "failed with status code '403'"; we say "HTTP 403", as the socket transport does.</summary>
    private static string TunnelStatus(HttpRequestException e)
    {
        System.Text.RegularExpressions.Match status = System.Text.RegularExpressions.Regex.Match(e.Message, "'([1-5][0-9][0-9])'");
        return status.Success ? $"HTTP {status.Groups[1].Value}" : e.Message;
    }

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
                throw HttpErrors.ConnectionLost(uri, socket.SocketErrorCode, e);
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
