using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using Rfc.Transport;

namespace Rfc.Http.Http11;

/// <summary>
/// rfc's own HTTP/1.1 client on raw sockets (<c>--transport socket</c>): the transport layer connects
/// (Happy Eyeballs, TLS, proxies with CONNECT tunnels), <see cref="Http11RequestWriter"/> writes the
/// request, <see cref="Http11ResponseParser"/> reads the head, and one body stream chosen from the
/// framing delivers the body. Keep-alive connections are reused through a pool.
/// </summary>
internal sealed partial class SocketHttpTransport : IHttpTransport
{
    private readonly HttpTransportOptions _options;
    private readonly ProxySettings _proxies;
    private readonly TlsCertificateValidator _validator;
    private readonly Http11ConnectionPool _pool = new();

    /// <summary>Creates the transport with <paramref name="options"/>.</summary>
    public SocketHttpTransport(HttpTransportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _proxies = ProxySettings.FromEnvironment(options.Environment);
        _validator = TlsCertificateValidator.Create(options.CaFile);
    }

    /// <inheritdoc />
    public string Name => "socket";

    /// <inheritdoc />
    public async Task<FetchResponse> SendAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Uri uri = request.Uri;
        Uri? proxy = _proxies.GetProxy(uri);
        bool absoluteForm = proxy is not null && uri.Scheme == Uri.UriSchemeHttp;
        ArrayBufferWriter<byte> head = new(512);
        Http11RequestWriter.Write(request, _options.UserAgent, absoluteForm ? ProxySettings.BasicAuthorization(proxy!) : null, absoluteForm, head);
        string key = string.Create(CultureInfo.InvariantCulture, $"{uri.Scheme}://{HttpErrors.Authority(uri)} via {proxy?.Authority ?? "direct"}");
        long started = Stopwatch.GetTimestamp();

        // Connect plus the whole response head within the connect and read timeouts together, as HttpClient's
        // transport bounds them: each read has its own deadline, but a head dripped a byte at a time would
        // otherwise never end.
        TransferClock clock = new(_options, uri);
        TimeSpan headLimit = _options.ConnectTimeout + _options.ReadTimeout;
        using CancellationTokenSource headDeadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, clock.Token);
        headDeadline.CancelAfter(headLimit);
        try
        {
            return await SendAsync(request, proxy, key, head.WrittenMemory, started, clock, headDeadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            clock.Dispose();
            throw clock.IsExpired ? clock.Expired(e) : HttpErrors.HeadTimeout(uri, headLimit, e);
        }
        catch (FetchException e) when (clock.IsExpired && e.IsTimeout)
        {
            clock.Dispose();
            throw clock.Expired(e);
        }
        catch
        {
            clock.Dispose();
            throw;
        }
    }

    private async Task<FetchResponse> SendAsync(FetchRequest request, Uri? proxy, string key, ReadOnlyMemory<byte> head, long started, TransferClock clock, CancellationToken cancellationToken)
    {
        Uri uri = request.Uri;

        // A pooled connection may have been closed by the server while idle, in a way no check can see
        // before writing. RFC 9112 §9.3.1 allows retrying an idempotent request on a new connection when
        // the old one failed before any response byte arrived; HttpClient does the same.
        Http11Connection? connection = await _pool.RentAsync(key).ConfigureAwait(false);
        if (connection is not null)
        {
            _options.Trace?.Trace(FetchLayer.Tcp, $"reusing connection to {HttpErrors.Authority(proxy ?? uri)} (request {connection.Requests + 1} on it)");
            try
            {
                return await ExchangeAsync(connection, request, proxy, head, started, clock, cancellationToken).ConfigureAwait(false);
            }
            catch (StaleConnectionException)
            {
                _options.Trace?.Trace(FetchLayer.Tcp, "the reused connection was closed by the server; retrying on a new one");
            }
        }

        connection = await ConnectAsync(uri, proxy, key, cancellationToken).ConfigureAwait(false);
        try
        {
            return await ExchangeAsync(connection, request, proxy, head, started, clock, cancellationToken).ConfigureAwait(false);
        }
        catch (StaleConnectionException e)
        {
            throw e.Error;
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _pool.DisposeAsync();

    private async Task<Http11Connection> ConnectAsync(Uri uri, Uri? proxy, string key, CancellationToken cancellationToken)
    {
        Uri first = proxy ?? uri;
        Socket socket = await TcpConnector.Default.ConnectAsync(HostText.Host(first), first.Port, _options.ConnectTimeout, _options.Trace, cancellationToken).ConfigureAwait(false);
        Stream stream = new NetworkStream(socket, ownsSocket: true);
        try
        {
            if (proxy is not null && uri.Scheme == Uri.UriSchemeHttps)
            {
                await OpenTunnelAsync(stream, proxy, uri, cancellationToken).ConfigureAwait(false);
            }

            if (uri.Scheme == Uri.UriSchemeHttps)
            {
                stream = await TlsConnector.AuthenticateAsync(stream, HostText.Host(uri), _validator, _options.ConnectTimeout, _options.Trace, cancellationToken).ConfigureAwait(false);
            }

            return new Http11Connection(socket, stream, key, _options.ReadTimeout);
        }
        catch
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Opens a tunnel through an HTTP proxy with <c>CONNECT host:port</c> (RFC 9110 §9.3.6): any 2xx means
    /// the bytes that follow are the origin's; anything else is the proxy's refusal, named as such.
    /// </summary>
    private async Task OpenTunnelAsync(Stream stream, Uri proxy, Uri target, CancellationToken cancellationToken)
    {
        ArrayBufferWriter<byte> connect = new(256);
        Http11RequestWriter.WriteConnect(HostText.Host(target), target.Port, _options.UserAgent, ProxySettings.BasicAuthorization(proxy), connect);
        _options.Trace?.Trace(FetchLayer.Http, $"CONNECT {HttpErrors.Authority(target)} through proxy {HttpErrors.Authority(proxy)}");

        // The tunnel's own connection object only lends its buffer and deadlines; its stream stays ours.
        Http11Connection tunnel = new(socket: null, new NonClosingStream(stream), "tunnel", _options.ReadTimeout);
        try
        {
            await tunnel.WriteAsync(connect.WrittenMemory, proxy, cancellationToken).ConfigureAwait(false);
            Http11ResponseHead response = await ReadHeadAsync(tunnel, proxy, "CONNECT", cancellationToken).ConfigureAwait(false) ?? throw HttpErrors.NoResponse(proxy);
            if (response.StatusCode is < 200 or > 299)
            {
                throw HttpErrors.TunnelRefused(proxy, target, response.StatusCode);
            }

            if (!tunnel.Buffered.IsEmpty)
            {
                throw HttpErrors.TunnelFailed(proxy, target, "the proxy sent bytes after its 2xx answer before the tunnel was used");
            }

            _options.Trace?.Trace(FetchLayer.Http, $"tunnel open: HTTP/{response.Version} {response.StatusCode} {response.ReasonPhrase}");
        }
        finally
        {
            await tunnel.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<FetchResponse> ExchangeAsync(Http11Connection connection, FetchRequest request, Uri? proxy, ReadOnlyMemory<byte> head, long started, TransferClock clock, CancellationToken cancellationToken)
    {
        Uri uri = request.Uri;
        bool reused = connection.Requests > 0;
        connection.Requests++;
        Http11Exchange exchange = new(connection, _pool, uri, _options.Trace, started);
        try
        {
            _options.Trace?.Trace(FetchLayer.Http, $"{FirstLine(head)} (Host: {Http11RequestWriter.HostField(uri)})");
            (Http11ResponseHead Head, BodyFraming Framing, Http11BodyStream Body)? read;
            try
            {
                await connection.WriteAsync(head, uri, cancellationToken).ConfigureAwait(false);
                read = await ReadResponseAsync(exchange, request.Method, cancellationToken).ConfigureAwait(false);
            }
            catch (FetchException e) when (reused && e.Layer == FetchLayer.Tcp && e.SocketError is SocketError.ConnectionReset or SocketError.Shutdown or SocketError.ConnectionAborted)
            {
                throw new StaleConnectionException(e);
            }

            if (read is not var (response, framing, raw))
            {
                throw reused ? new StaleConnectionException(HttpErrors.NoResponse(uri)) : HttpErrors.NoResponse(uri);
            }

            _options.Trace?.Trace(FetchLayer.Http, $"HTTP/{response.Version} {response.StatusCode} {response.ReasonPhrase} ({Describe(framing)})");
            if (proxy is not null && response.StatusCode == 407)
            {
                throw HttpErrors.ProxyAuthenticationRequired(proxy);
            }

            Stream body = new TransferLimitStream(raw, clock);
            body = ContentDecoding.DecodeTransfer(body, JoinedField(response, "Transfer-Encoding"), uri);
            body = ContentDecoding.Decode(body, JoinedField(response, "Content-Encoding"), uri);
            return new FetchResponse(uri, response.StatusCode, response.ReasonPhrase, response.Version, response.Headers, body, exchange);
        }
        catch
        {
            await exchange.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Reads one response from <paramref name="exchange"/>'s connection as an exchange does after writing the
    /// request: the final head (1xx skipped), its framing, and the body stream that framing calls for. The
    /// split-point tests drive the real connection through this with bytes delivered in pieces.
    /// </summary>
    /// <returns>The head and body, or null when the server closed the connection before sending a byte.</returns>
    internal static async Task<(Http11ResponseHead Head, BodyFraming Framing, Http11BodyStream Body)?> ReadResponseAsync(Http11Exchange exchange, string method, CancellationToken cancellationToken)
    {
        Http11ResponseHead? head = await ReadHeadAsync(exchange.Connection, exchange.Uri, method, cancellationToken).ConfigureAwait(false);
        if (head is null)
        {
            return null;
        }

        BodyFraming framing = Frame(head, method, exchange.Uri);
        return (head, framing, Http11BodyStream.Create(framing, exchange));
    }

    /// <summary>The body's framing; conflicting or malformed Content-Length / Transfer-Encoding is an HTTP-layer error (RFC 9112 §6.3 rules 4 and 5).</summary>
    private static BodyFraming Frame(Http11ResponseHead head, string method, Uri uri)
    {
        try
        {
            return BodyFraming.Determine(head, method);
        }
        catch (Http11ParseException e)
        {
            throw e.ToFetchException(HttpErrors.Authority(uri));
        }
    }

    /// <summary>
    /// Reads response heads until a final one arrives, skipping 1xx interim responses (RFC 9110 §15.2).
    /// </summary>
    /// <returns>The final head, or null when the server closed the connection before sending a byte.</returns>
    private static async Task<Http11ResponseHead?> ReadHeadAsync(Http11Connection connection, Uri uri, string method, CancellationToken cancellationToken)
    {
        bool receivedAny = false;
        int interimBytes = 0;
        while (true)
        {
            Http11ResponseHead? head;
            int consumed;
            try
            {
                if (Http11ResponseParser.TryParseHead(connection.Buffered, out head, out consumed))
                {
                    connection.Consume(consumed);
                    if (head.IsInterim && method != "CONNECT")
                    {
                        // Interim heads count toward the head limit together, as SocketsHttpHandler counts them: a
                        // flood of 100 Continue is refused instead of read for ever.
                        interimBytes += consumed;
                        if (interimBytes > Http11ResponseParser.MaxHeadSize)
                        {
                            throw HttpErrors.InvalidResponse(uri, $"the response head is larger than {Http11ResponseParser.MaxHeadSize} bytes");
                        }

                        continue;
                    }

                    return head;
                }
            }
            catch (Http11ParseException e)
            {
                throw e.ToFetchException(HttpErrors.Authority(uri));
            }

            int read = await connection.FillAsync(uri, cancellationToken).ConfigureAwait(false);
            if (read < 0)
            {
                throw HttpErrors.InvalidResponse(uri, $"the response head is larger than {Http11ResponseParser.MaxHeadSize} bytes");
            }

            if (read == 0)
            {
                return receivedAny || !connection.Buffered.IsEmpty ? throw HttpErrors.NoResponse(uri) : null;
            }

            receivedAny = true;
        }
    }

    /// <summary>Every field named <paramref name="name"/>, joined as one list (RFC 9110 §5.3), or null.</summary>
    private static string? JoinedField(Http11ResponseHead head, string name)
    {
        string? joined = null;
        foreach (KeyValuePair<string, string> field in head.Headers)
        {
            if (string.Equals(field.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                joined = joined is null ? field.Value : joined + ", " + field.Value;
            }
        }

        return joined;
    }

    private static string FirstLine(ReadOnlyMemory<byte> head)
    {
        ReadOnlySpan<byte> span = head.Span;
        int end = span.IndexOf("\r\n"u8);
        return System.Text.Encoding.ASCII.GetString(end < 0 ? span : span[..end]);
    }

    private static string Describe(BodyFraming framing) => framing.Kind switch
    {
        BodyFramingKind.None => "no body",
        BodyFramingKind.ContentLength => string.Create(CultureInfo.InvariantCulture, $"content-length {framing.Length}"),
        BodyFramingKind.Chunked => "chunked",
        _ => "until close",
    } + (framing.KeepAlive ? ", keep-alive" : ", close");

    /// <summary>Signals that a reused connection failed before any response byte: retry on a new one.</summary>
    private sealed class StaleConnectionException(FetchException error) : Exception(error.Message, error)
    {
        public FetchException Error { get; } = error;
    }

    /// <summary>Lends a stream without closing it when the borrower is disposed.</summary>
    private sealed class NonClosingStream(Stream inner) : ReadOnlyStream
    {
        public override bool CanWrite => true;

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => inner.WriteAsync(buffer, cancellationToken);

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
    }
}
