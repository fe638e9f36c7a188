using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Rfc.Testing;

/// <summary>
/// An in-process Kestrel server on loopback (127.0.0.1 or [::1], port 0), optionally over TLS with a test
/// certificate. Counts requests so tests can assert the server was really hit.
/// </summary>
public sealed class KestrelServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _requests;
    private int _connections;

    private KestrelServer(WebApplication app, Uri baseUri)
    {
        _app = app;
        BaseUri = baseUri;
    }

    /// <summary>The server's root, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUri { get; }

    /// <summary>How many requests reached the handler.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>How many TCP connections the server accepted (keep-alive reuse does not add to it).</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>The request paths (with query) in order of arrival.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> Paths { get; } = new();

    /// <summary>A URL on this server.</summary>
    public Uri Url(string pathAndQuery) => new(BaseUri, pathAndQuery);

    /// <summary>Starts a server answering every request with <paramref name="handler"/>.</summary>
    public static async Task<KestrelServer> StartAsync(RequestDelegate handler, X509Certificate2? certificate = null, IPAddress? address = null)
    {
        address ??= IPAddress.Loopback;
        KestrelServer? server = null; // Set before anyone can connect: the port is known only after StartAsync.
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(address, 0, listen =>
            {
                // Connection middleware: runs once per accepted TCP connection, before TLS and HTTP.
                listen.Use(next => connection =>
                {
                    Interlocked.Increment(ref server!._connections);
                    return next(connection);
                });
                if (certificate is not null)
                {
                    listen.UseHttps(certificate);
                }
            });
        });
        WebApplication app = builder.Build();
        app.Run(async context =>
        {
            Interlocked.Increment(ref server!._requests);
            server.Paths.Enqueue(context.Request.Path + context.Request.QueryString);
            await handler(context);
        });
        await app.StartAsync();
        string address0 = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new KestrelServer(app, new Uri(address0.TrimEnd('/') + "/"));
        return server;
    }

    /// <summary>Serves files from <paramref name="folder"/> by name (<c>/rfc/rfc2324.txt</c> → <c>folder/rfc2324.txt</c>), 404 otherwise.</summary>
    public static Task<KestrelServer> ServeFolderAsync(string folder, bool chunked = false, X509Certificate2? certificate = null, IPAddress? address = null) =>
        StartAsync(context => ServeFileAsync(context, folder, chunked), certificate, address);

    /// <summary>Answers with the file named by the last path segment, with Content-Length or chunked.</summary>
    public static async Task ServeFileAsync(HttpContext context, string folder, bool chunked)
    {
        string name = Path.GetFileName(context.Request.Path.Value ?? string.Empty);
        string path = Path.Combine(folder, name);
        if (name.Length == 0 || !File.Exists(path))
        {
            context.Response.StatusCode = 404;
            await context.Response.WriteAsync("not found\n");
            return;
        }

        byte[] bytes = await File.ReadAllBytesAsync(path);
        context.Response.ContentType = "text/plain";
        await WriteBodyAsync(context, bytes, chunked);
    }

    /// <summary>Writes <paramref name="body"/> with Content-Length, or chunked in 4 KiB pieces.</summary>
    public static async Task WriteBodyAsync(HttpContext context, byte[] body, bool chunked)
    {
        if (!chunked)
        {
            context.Response.ContentLength = body.Length;
            await context.Response.Body.WriteAsync(body);
            return;
        }

        // No Content-Length and several flushes: Kestrel frames the body as chunked.
        for (int offset = 0; offset < body.Length; offset += 4096)
        {
            await context.Response.Body.WriteAsync(body.AsMemory(offset, Math.Min(4096, body.Length - offset)));
            await context.Response.Body.FlushAsync();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
