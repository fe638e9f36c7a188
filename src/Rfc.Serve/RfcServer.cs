using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rfc.Documents;
using Rfc.Documents.Errata;
using Rfc.Documents.Text;
using Rfc.Serve.Api;
using Rfc.Serve.Http;
using Rfc.Serve.Reader;
using Rfc.Served;

namespace Rfc.Serve;

/// <summary>
/// <c>rfc serve</c>: the local library over HTTP with Kestrel, read-only. As a mirror (<c>/rfc/rfcN.txt</c>,
/// <c>/rfc-index.xml</c> or <c>.txt</c>: exact bytes, strong validators, conditional and range requests, gzip) so other
/// rfc clients, curl and wget can use it as their source; and as a reader in the browser (<c>/</c>, <c>/rfc/N</c>,
/// <c>/rfc/N/info</c>, <c>/api/…</c>). Only numbers and known names are accepted in paths.
/// </summary>
internal sealed partial class RfcServer : IAsyncDisposable
{
    /// <summary>The longest request line (method, target, version): an RFC URL is short; 8 KiB refuses abuse early.</summary>
    public const int MaxRequestLineBytes = 8 * 1024;

    /// <summary>All request headers together; browsers send about 1 KiB.</summary>
    public const int MaxRequestHeaderBytes = 16 * 1024;

    /// <summary>The longest search query accepted.</summary>
    public const int MaxQueryLength = 500;

    /// <summary>How many results each search shows.</summary>
    public const int SearchLimit = 25;

    /// <summary>How long requests in flight may take to finish at shutdown.</summary>
    private static readonly TimeSpan s_shutdownTimeout = TimeSpan.FromSeconds(10);

    // RFC 9110 §8.3: text is text; nothing is sniffed. No inline script or style anywhere: the policy says so.
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private static readonly string[] s_getAndHead = [HttpMethods.Get, HttpMethods.Head];

    private readonly WebApplication _app;
    private readonly LibraryCache _library;
    private readonly TextWriter? _log;
    private readonly Lock _logLock = new();
    private readonly Dictionary<string, Representation> _assets;

    private RfcServer(WebApplication app, LibraryCache library, TextWriter? log, IPEndPoint endPoint)
    {
        _app = app;
        _library = library;
        _log = log;
        EndPoint = endPoint;
        BaseUri = new Uri($"http://{endPoint}/");
        _assets = LoadAssets();
    }

    /// <summary>The address the server listens on (the real port when port 0 was asked for).</summary>
    public IPEndPoint EndPoint { get; private set; }

    /// <summary>The server's root URL, e.g. <c>http://127.0.0.1:8080/</c>.</summary>
    public Uri BaseUri { get; private set; }

    /// <summary>Cancelled when the server begins to stop.</summary>
    public CancellationToken Stopping => _app.Lifetime.ApplicationStopping;

    /// <summary>
    /// Starts serving the library behind <paramref name="client"/>. Throws <see cref="ListenException"/> when the
    /// address cannot be listened on (in use, not an address of this machine, not permitted).
    /// </summary>
    public static async Task<RfcServer> StartAsync(RfcClient client, RfcServerOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        // The content root is the program's folder, not the current directory: no appsettings.json there is read.
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, ApplicationName = "rfc" });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestLineSize = MaxRequestLineBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = MaxRequestHeaderBytes;
            kestrel.Limits.MaxRequestHeaderCount = 64;
            kestrel.Limits.MaxRequestBodySize = 0; // Read-only: no request has a body to read.
            kestrel.Listen(options.Listen);
        });
        WebApplication app = builder.Build();
        RfcServer server = new(app, new LibraryCache(client), options.Log, options.Listen);
        server.Map(app);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (ListenFailure(e, options.Listen) is string message)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw new ListenException(message, e);
        }

        string bound = app.Urls.FirstOrDefault() ?? "";
        if (Uri.TryCreate(bound, UriKind.Absolute, out Uri? uri))
        {
            server.EndPoint = new IPEndPoint(options.Listen.Address, uri.Port);
            server.BaseUri = new Uri($"http://{server.EndPoint}/");
        }

        return server;
    }

    /// <summary>Stops accepting connections and lets requests in flight finish (up to ten seconds).</summary>
    public async Task StopAsync()
    {
        using CancellationTokenSource timeout = new(s_shutdownTimeout);
        await _app.StopAsync(timeout.Token).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static string? ListenFailure(Exception e, IPEndPoint endPoint)
    {
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is AddressInUseException)
            {
                return $"cannot listen on {endPoint}: the address is already in use";
            }

            if (inner is SocketException socket)
            {
                return socket.SocketErrorCode switch
                {
                    SocketError.AddressAlreadyInUse => $"cannot listen on {endPoint}: the address is already in use",
                    SocketError.AddressNotAvailable => $"cannot listen on {endPoint}: that address is not one of this machine's",
                    SocketError.AccessDenied => $"cannot listen on {endPoint}: permission denied (ports below 1024 need privileges)",
                    _ => $"cannot listen on {endPoint} ({socket.SocketErrorCode})",
                };
            }
        }

        return null;
    }

    private void Map(WebApplication app)
    {
        app.Use(Frame);
        app.MapMethods("/", s_getAndHead, SearchAsync);
        app.MapMethods("/rfc/{name}", s_getAndHead, DocumentAsync);
        app.MapMethods("/rfc/{name}/info", s_getAndHead, InfoAsync);
        app.MapMethods("/api/rfc/{name}", s_getAndHead, ApiRfcAsync);
        app.MapMethods("/api/search", s_getAndHead, ApiSearchAsync);
        app.MapMethods("/rfc-index.xml", s_getAndHead, context => IndexFileAsync(context, RfcClient.XmlIndexFileName));
        app.MapMethods("/rfc-index.txt", s_getAndHead, context => IndexFileAsync(context, RfcClient.TextIndexFileName));
        app.MapMethods("/static/{name}", s_getAndHead, AssetAsync);
        // rfc --source http://host:8080 reads http://host:8080/rfcN.txt: the same bytes at the root.
        app.MapMethods("/{name}", s_getAndHead, RootDocumentAsync);
        app.MapMethods("/favicon.ico", s_getAndHead, context => AssetAsync(context, "favicon.svg"));
        app.MapFallback(context => NotFoundAsync(context, "Not found", "This server has no such page. It serves /, /rfc/N, /rfc/rfcN.txt, /rfc/N/info, /api/rfc/N, /api/search?q= and the index file."));
    }

    /// <summary>Every response: security headers, GET and HEAD only, one log line.</summary>
    private async Task Frame(HttpContext context, RequestDelegate next)
    {
        long started = Stopwatch.GetTimestamp();
        IHeaderDictionary headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            // Read-only: nothing here changes the library.
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            headers.Allow = "GET, HEAD";
            context.Response.ContentLength = 0;
        }
        else
        {
            await next(context).ConfigureAwait(false);
        }

        if (_log is not null)
        {
            long bytes = HttpMethods.IsHead(context.Request.Method) ? 0 : context.Response.ContentLength ?? 0;
            string target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "";
            string line = string.Create(CultureInfo.InvariantCulture, $"{context.Request.Method} {target} {context.Response.StatusCode} {bytes} {Stopwatch.GetElapsedTime(started).TotalMilliseconds:0.0}ms");
            lock (_logLock)
            {
                _log.WriteLine(line);
                _log.Flush();
            }
        }
    }

    private Task DocumentAsync(HttpContext context)
    {
        Match name = DocumentName().Match((string?)context.Request.RouteValues["name"] ?? "");
        if (!name.Success || !RfcNumber.TryParse(name.Groups["n"].Value, out RfcNumber number))
        {
            return NotFoundAsync(context, "Not found", "Documents are /rfc/N, /rfc/rfcN, /rfc/rfcN.html (the reader) and /rfc/rfcN.txt (the stored text).");
        }

        Representation? document = _library.Document(number);
        if (name.Groups["ext"].Value == ".txt")
        {
            if (document is null)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return WriteAsync(context, "text/plain; charset=utf-8", Encoding.UTF8.GetBytes($"RFC {number.Value} is not stored here\n"));
            }

            return RepresentationResponder.WriteAsync(context, document);
        }

        if (document is null)
        {
            return NotFoundAsync(context, $"RFC {number.Value} is not stored here", $"This library does not hold RFC {number.Value}. Someone with access to the server can add it with 'rfc {number.Value}' or 'rfc mirror'.");
        }

        byte[] page = _library.Page($"doc:{number.Value}", () => DocumentPage.Render(number, RfcTextDecoder.Decode(document.File.Content), _library.Client.FindInfo(number), CurrentErrata(number)));
        return HtmlAsync(context, page);
    }

    /// <summary>The errata the reader marks: all but rejected ones (as <c>rfc errata</c> shows by default); none when errata were never synced.</summary>
    private IReadOnlyList<ErrataRecord> CurrentErrata(RfcNumber number) =>
        _library.Client.HasErrata ? _library.Client.GetErrata(number, [ErrataStatus.Verified, ErrataStatus.Reported, ErrataStatus.HeldForDocumentUpdate]) : [];

    private Task RootDocumentAsync(HttpContext context)
    {
        string name = (string?)context.Request.RouteValues["name"] ?? "";
        return name.StartsWith("rfc", StringComparison.Ordinal) && name.EndsWith(".txt", StringComparison.Ordinal)
            ? DocumentAsync(context)
            : NotFoundAsync(context, "Not found", "This server has no such page. It serves /, /rfc/N, /rfc/rfcN.txt, /rfc/N/info, /api/rfc/N, /api/search?q= and the index file.");
    }

    private Task InfoAsync(HttpContext context)
    {
        if (!TryNumber(context, out RfcNumber number))
        {
            return NotFoundAsync(context, "Not found", "Info pages are /rfc/N/info.");
        }

        RfcInfo? info = _library.Client.FindInfo(number);
        if (info is null || info.Entry.NotIssued)
        {
            return NotFoundAsync(context, $"RFC {number.Value} is not in the index", info is null ? "The synced index does not list this number (or no index is synced)." : "The RFC Editor's index lists this number as not issued.");
        }

        byte[] page = _library.Page($"info:{number.Value}", () => InfoPage.Render(info, _library.Document(number) is not null, _library.Client.FindInfo));
        return HtmlAsync(context, page);
    }

    private async Task SearchAsync(HttpContext context)
    {
        string query = context.Request.Query["q"].ToString().Trim();
        if (query.Length > MaxQueryLength)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await HtmlAsync(context, MessagePage.Render("Query too long", $"A search query may have at most {MaxQueryLength} characters.")).ConfigureAwait(false);
            return;
        }

        RfcClient client = _library.Client;
        byte[] page = query.Length == 0
            ? SearchPage.Render("", null, null, client.CountStoredDocuments(), client.HasIndex)
            : SearchPage.Render(query, client.SearchIndexForServing(query, SearchLimit), await client.SearchTextForServingAsync(query, SearchLimit, context.RequestAborted).ConfigureAwait(false), 0, true);
        await HtmlAsync(context, page).ConfigureAwait(false);
    }

    private Task ApiRfcAsync(HttpContext context)
    {
        if (!TryNumber(context, out RfcNumber number))
        {
            return JsonErrorAsync(context, StatusCodes.Status404NotFound, "not an RFC number");
        }

        RfcInfo? info = _library.Client.FindInfo(number);
        Representation? document = _library.Document(number);
        if (info is null && document is null)
        {
            return JsonErrorAsync(context, StatusCodes.Status404NotFound, $"RFC {number.Value} is neither stored nor in the index");
        }

        List<string> Of(RfcRelationKind kind) => info is null ? [] : [.. info.Of(kind).Select(r => r.Target.ToString())];
        ApiRfc body = new(
            number.Value,
            info?.Entry.Title,
            info?.Entry.CurrentStatus.Text,
            info?.Entry.Date?.ToString(),
            document is not null,
            document?.File.Content.Length,
            document?.File.Sha256,
            Of(RfcRelationKind.Obsoletes),
            Of(RfcRelationKind.ObsoletedBy),
            Of(RfcRelationKind.Updates),
            Of(RfcRelationKind.UpdatedBy),
            info is null ? [] : [.. info.CurrentVersions.Select(n => n.Value)],
            info?.Entry.Abstract);
        return WriteAsync(context, "application/json; charset=utf-8", JsonSerializer.SerializeToUtf8Bytes(body, ServeJson.Default.ApiRfc));
    }

    private async Task ApiSearchAsync(HttpContext context)
    {
        string query = context.Request.Query["q"].ToString().Trim();
        if (query.Length == 0 || query.Length > MaxQueryLength)
        {
            await JsonErrorAsync(context, StatusCodes.Status400BadRequest, $"give a query of 1 to {MaxQueryLength} characters as ?q=").ConfigureAwait(false);
            return;
        }

        ServedSearch<RfcSearchHit> index = _library.Client.SearchIndexForServing(query, SearchLimit);
        ServedSearch<RfcTextHit> text = await _library.Client.SearchTextForServingAsync(query, SearchLimit, context.RequestAborted).ConfigureAwait(false);
        ApiSearch body = new(
            query,
            [.. index.Hits.Select(h => new ApiIndexHit(h.Number.Value, h.Title, h.Date?.ToString(), h.Status.Text, h.IsObsoleted, [.. h.CurrentVersions.Select(n => n.Value)]))],
            index.Error,
            [.. text.Hits.Select(h => new ApiTextHit(h.Number.Value, h.Title, h.Page, h.Section, h.Snippet.Replace(RfcTextHit.HighlightStart.ToString(), "**", StringComparison.Ordinal).Replace(RfcTextHit.HighlightEnd.ToString(), "**", StringComparison.Ordinal)))],
            text.Error);
        await WriteAsync(context, "application/json; charset=utf-8", JsonSerializer.SerializeToUtf8Bytes(body, ServeJson.Default.ApiSearch)).ConfigureAwait(false);
    }

    private Task IndexFileAsync(HttpContext context, string name)
    {
        Representation? index = _library.IndexFile();
        if (index is null || index.File.Name != name)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            string other = index is null ? "no index is synced here" : $"the index synced here is /{index.File.Name}";
            return WriteAsync(context, "text/plain; charset=utf-8", Encoding.UTF8.GetBytes($"{name} is not here: {other}\n"));
        }

        return RepresentationResponder.WriteAsync(context, index);
    }

    private Task AssetAsync(HttpContext context) => AssetAsync(context, (string?)context.Request.RouteValues["name"] ?? "");

    private Task AssetAsync(HttpContext context, string name)
    {
        if (!_assets.TryGetValue(name, out Representation? asset))
        {
            return NotFoundAsync(context, "Not found", "No such file.");
        }

        return RepresentationResponder.WriteAsync(context, asset);
    }

    private static bool TryNumber(HttpContext context, out RfcNumber number)
    {
        number = default;
        Match name = DocumentName().Match((string?)context.Request.RouteValues["name"] ?? "");
        return name.Success && name.Groups["ext"].Length == 0 && RfcNumber.TryParse(name.Groups["n"].Value, out number);
    }

    private static Task NotFoundAsync(HttpContext context, string title, string message)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return HtmlAsync(context, MessagePage.Render(title, message));
    }

    private static Task JsonErrorAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        return WriteAsync(context, "application/json; charset=utf-8", JsonSerializer.SerializeToUtf8Bytes(new ApiError(message), ServeJson.Default.ApiError));
    }

    private static Task HtmlAsync(HttpContext context, byte[] page)
    {
        context.Response.Headers.CacheControl = "no-cache";
        return WriteAsync(context, "text/html; charset=utf-8", page);
    }

    private static Task WriteAsync(HttpContext context, string contentType, byte[] body)
    {
        context.Response.ContentType = contentType;
        context.Response.ContentLength = body.Length;
        return HttpMethods.IsHead(context.Request.Method) ? Task.CompletedTask : context.Response.Body.WriteAsync(body).AsTask();
    }

    /// <summary>The stylesheet, script and icon, embedded in the binary; served with validators like documents.</summary>
    private static Dictionary<string, Representation> LoadAssets()
    {
        Dictionary<string, Representation> assets = new(StringComparer.Ordinal);
        DateTimeOffset built = DateTimeOffset.UtcNow;
        foreach ((string name, string type) in (ReadOnlySpan<(string, string)>)[("reader.css", "text/css; charset=utf-8"), ("reader.js", "text/javascript; charset=utf-8"), ("favicon.svg", "image/svg+xml")])
        {
            using Stream stream = typeof(RfcServer).Assembly.GetManifestResourceStream($"Rfc.Serve.Assets.{name}") ?? throw new InvalidOperationException($"the build lost the embedded asset {name}");
            using MemoryStream buffer = new();
            stream.CopyTo(buffer);
            byte[] content = buffer.ToArray();
            assets[name] = new Representation(new ServedFile(name, content, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)), built), type);
        }

        return assets;
    }

    [GeneratedRegex(@"^(?:rfc)?(?<n>\d{1,6})(?<ext>\.txt|\.html)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DocumentName();
}
