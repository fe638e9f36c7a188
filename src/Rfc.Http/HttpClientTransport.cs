using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
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
internal sealed class HttpClientTransport : IHttpTransport
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
            // The connect callback enforces the connect timeout, and the connection's stream the TLS handshake's
            // (each as long as the connect timeout), with the transport layer's wording; the handler's own
            // limit is only a backstop beyond both.
            ConnectTimeout = (options.ConnectTimeout * 2) + TimeSpan.FromSeconds(1),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
            MaxConnectionsPerServer = options.MaxConnectionsPerServer,
            Proxy = _proxies.AsWebProxy(),
            UseProxy = true,
            SslOptions = SslOptions(_validator, options.Trace),
            ConnectCallback = ConnectAsync,
            PlaintextStreamFilter = HandshakeDone,
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

        TransferClock clock = new(_options, uri);
        HttpResponseMessage response;
        TimeSpan headLimit = _options.ConnectTimeout + _options.ReadTimeout;
        using (CancellationTokenSource deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, clock.Token))
        {
            // A silent server is stopped by the connection's per-read deadline (ConnectAsync); this bounds
            // connect plus a head dripped byte by byte, as the socket transport does.
            deadline.CancelAfter(headLimit);
            try
            {
                response = await _client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                clock.Dispose();
                throw clock.IsExpired ? clock.Expired(e)
                    : e.InnerException is TimeoutException && e.InnerException.InnerException is not null ? ConnectTimeout(uri, e)
                    : HttpErrors.HeadTimeout(uri, headLimit, e);
            }
            catch (HttpRequestException e)
            {
                clock.Dispose();
                throw clock.IsExpired ? clock.Expired(e) : Translate(e, uri, proxy);
            }
        }

        try
        {
            List<KeyValuePair<string, string>> headers = [];
            AddHeaders(headers, response.Headers);
            AddHeaders(headers, response.Content.Headers);
            _options.Trace?.Trace(FetchLayer.Http, $"HTTP/{response.Version} {(int)response.StatusCode} {response.ReasonPhrase} ({Framing(response)})");
            CheckHead(response, headers, uri, proxy);

            Stream raw = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            Stream body = new TransferLimitStream(new TranslatingStream(new ReadTimeoutStream(raw, _options.ReadTimeout, uri), uri), clock);
            body = ContentDecoding.DecodeTransfer(body, Joined(response.Headers.TransferEncoding), uri);
            body = ContentDecoding.Decode(body, Joined(response.Content.Headers.ContentEncoding), uri);
            return new FetchResponse(uri, (int)response.StatusCode, response.ReasonPhrase ?? string.Empty, response.Version, headers, body, new ResponseOwner(response));
        }
        catch
        {
            clock.Dispose();
            response.Dispose();
            throw;
        }
    }

    private static string? Joined<T>(ICollection<T> values) => values.Count == 0 ? null : string.Join(", ", values);

    /// <summary>
    /// What the socket transport's parser refuses and SocketsHttpHandler lets through, refused here too so
    /// both transports give the same answer: more than <see cref="Http11.Http11ResponseParser.MaxFieldCount"/>
    /// fields, differing Content-Length values (RFC 9112 §6.3 rule 5), control bytes in a value; and a 407
    /// from the proxy of an absolute-form request.
    /// </summary>
    private static void CheckHead(HttpResponseMessage response, List<KeyValuePair<string, string>> headers, Uri uri, Uri? proxy)
    {
        if (headers.Count > Http11.Http11ResponseParser.MaxFieldCount)
        {
            throw HttpErrors.InvalidResponse(uri, Http11.Http11ResponseParser.TooManyFieldsDetail);
        }

        string? length = null;
        foreach (KeyValuePair<string, string> field in headers)
        {
            // The socket transport's parser words: the line as it was on the wire.
            string line = field.Key + ": " + field.Value + "\r\n";
            if (field.Value.Contains('\r', StringComparison.Ordinal))
            {
                throw HttpErrors.InvalidResponse(uri, $"Bare CR in header line: '{Http11.Http11Syntax.Escape(line)}'");
            }

            if (field.Value.AsSpan().IndexOfAnyInRange('\0', '\x08') >= 0 || field.Value.AsSpan().IndexOfAnyInRange('\x0A', '\x1F') >= 0 || field.Value.Contains('\x7F', StringComparison.Ordinal))
            {
                throw HttpErrors.InvalidResponse(uri, $"Invalid byte in header value: '{Http11.Http11Syntax.Escape(line)}'");
            }

            if (field.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                // SocketsHttpHandler lets "-1" through and takes one of two differing values; RFC 9110 §8.6 and
                // RFC 9112 §6.3 rule 5 make both unrecoverable errors, as the socket transport treats them.
                if (!long.TryParse(field.Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
                {
                    throw HttpErrors.InvalidResponse(uri, $"Invalid Content-Length: '{Http11.Http11Syntax.Escape(field.Value)}'");
                }

                if (length is not null && length != field.Value)
                {
                    throw HttpErrors.InvalidResponse(uri, $"Conflicting Content-Length values: '{Http11.Http11Syntax.Escape(field.Value)}'");
                }

                length = field.Value;
            }
        }

        if (proxy is not null && response.StatusCode == HttpStatusCode.ProxyAuthenticationRequired)
        {
            throw HttpErrors.ProxyAuthenticationRequired(proxy);
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

    /// <summary>
    /// The validator's options, with a trace of the handshake when <c>--trace</c> is on. A rejected certificate
    /// throws the rejection as this handshake's own <see cref="FetchException"/>: HttpClient carries it out as
    /// the inner exception of that request's failure, so concurrent handshakes never see each other's reason.
    /// </summary>
    private static System.Net.Security.SslClientAuthenticationOptions SslOptions(TlsCertificateValidator validator, ITraceSink? trace)
    {
        System.Net.Security.SslClientAuthenticationOptions ssl = validator.CreateSslOptions(null);
        ssl.RemoteCertificateValidationCallback = (sender, certificate, chain, errors) =>
        {
            if (trace is not null && sender is System.Net.Security.SslStream stream)
            {
                // Mid-handshake: the protocol and cipher are chosen; ALPN and RemoteCertificate are not
                // readable yet, so the certificate comes from the callback's argument.
                trace.Trace(FetchLayer.Tls, $"{TlsConnector.ProtocolName(stream.SslProtocol)} with {stream.NegotiatedCipherSuite} (HttpClient)");
                if (certificate is not null)
                {
                    TlsConnector.TraceCertificate(certificate, trace);
                }
            }

            string? rejection = validator.Rejection(sender, certificate, chain, errors);
            return rejection is null
                ? true
                : throw TlsConnector.HandshakeFailed((sender as System.Net.Security.SslStream)?.TargetHostName ?? "server", rejection, new System.Security.Authentication.AuthenticationException());
        };

        return ssl;
    }

    /// <summary>Connects through the transport layer: the same resolution, Happy Eyeballs and errors as the socket transport.</summary>
    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        Socket socket = await TcpConnector.Default.ConnectAsync(context.DnsEndPoint.Host, context.DnsEndPoint.Port, _options.ConnectTimeout, _options.Trace, cancellationToken).ConfigureAwait(false);

        // Every read on the connection gets the read timeout, as the socket transport's reads do: a server
        // that accepts and then says nothing fails after --timeout, not after the whole request's deadline.
        Uri target = context.InitialRequestMessage.RequestUri ?? new Uri($"http://{HostText.Authority(context.DnsEndPoint.Host, context.DnsEndPoint.Port)}/");
        ReadDeadlineStream stream = new(new NetworkStream(socket, ownsSocket: true), _options.ReadTimeout, target);

        // A direct HTTPS connection: the handler's TLS handshake comes next, timed as the socket transport times
        // its own. (Through a proxy this connection is the proxy's, and CONNECT goes first.)
        if (target.Scheme == Uri.UriSchemeHttps
            && string.Equals(target.IdnHost, context.DnsEndPoint.Host, StringComparison.OrdinalIgnoreCase)
            && target.Port == context.DnsEndPoint.Port)
        {
            stream.StartHandshake(HostText.Host(target), _options.ConnectTimeout);
            context.InitialRequestMessage.Options.Set(HandshakeStream, stream);
        }

        return stream;
    }

    /// <summary>Where the connect callback leaves a connection's stream for <see cref="HandshakeDone"/>.</summary>
    private static readonly HttpRequestOptionsKey<ReadDeadlineStream> HandshakeStream = new("rfc.handshake-stream");

    /// <summary>Called by the handler once the connection is ready for HTTP (after TLS): the handshake's limit ends.</summary>
    private static ValueTask<Stream> HandshakeDone(SocketsHttpPlaintextStreamFilterContext context, CancellationToken cancellationToken)
    {
        if (context.InitialRequestMessage.Options.TryGetValue(HandshakeStream, out ReadDeadlineStream? stream))
        {
            stream.HandshakeDone();
        }

        return ValueTask.FromResult(context.PlaintextStream);
    }

    /// <summary>
    /// The platform already knows the failing layer; we only translate it into ours, from the error code,
    /// the status and the exception types (never from a message: NativeAOT may print resource keys).
    /// Failures of the connect callback and of the certificate check are our own
    /// <see cref="FetchException"/>, passed through as they are.
    /// </summary>
    internal static FetchException Translate(HttpRequestException e, Uri uri, Uri? proxy)
    {
        if (Find<FetchException>(e) is { } fromTransport)
        {
            return fromTransport;
        }

        return e.HttpRequestError switch
        {
            HttpRequestError.SecureConnectionError => TlsConnector.HandshakeFailed(HostText.Host(uri), TlsConnector.HandshakeProblem(e.InnerException), e),
            HttpRequestError.ProxyTunnelError when proxy is not null => e.StatusCode is { } status
                ? HttpErrors.TunnelRefused(proxy, uri, (int)status, e)
                : HttpErrors.TunnelFailed(proxy, uri, "no valid HTTP answer", e),
            HttpRequestError.ResponseEnded => HttpErrors.NoResponse(uri, e),
            _ when Find<SocketException>(e) is { } socket => HttpErrors.ConnectionLost(uri, socket.SocketErrorCode, e),
            _ => HttpErrors.InvalidResponse(uri, Detail(e.HttpRequestError), e),
        };
    }

    /// <summary>What HttpClient's error code means, in the words the socket transport's parser would use.</summary>
    private static string Detail(HttpRequestError error) => error switch
    {
        HttpRequestError.InvalidResponse => "the response is not valid HTTP/1.1",
        HttpRequestError.ConfigurationLimitExceeded => $"the response head is larger than {Http11.Http11ResponseParser.MaxHeadSize} bytes",
        HttpRequestError.VersionNegotiationError => "unsupported HTTP version",
        _ => $"the request failed ({error})",
    };

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
            catch (Exception e) when (e is not FetchException && Find<FetchException>(e) is { } fromConnection)
            {
                // The connection's read deadline, wrapped by TLS or HttpClient on the way up.
                throw fromConnection;
            }
            catch (HttpIOException e) when (e.HttpRequestError == HttpRequestError.ResponseEnded)
            {
                throw HttpErrors.BodyIncomplete(uri, e);
            }
            catch (HttpIOException e)
            {
                throw HttpErrors.InvalidResponse(uri, Detail(e.HttpRequestError), e);
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
