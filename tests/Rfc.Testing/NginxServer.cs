using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Rfc.Testing;

/// <summary>
/// Debian's nginx, started on a free loopback port with a throwaway configuration that serves one folder
/// under <c>/rfc/</c>. <c>.ci/run</c> installs nginx; tests skip with the reason when it is absent.
/// </summary>
public sealed class NginxServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _prefix;

    private NginxServer(Process process, string prefix, Uri baseUri)
    {
        _process = process;
        _prefix = prefix;
        BaseUri = baseUri;
    }

    /// <summary>The server's root, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUri { get; }

    /// <summary>The nginx binary, or null when it is not installed.</summary>
    public static string? Binary => new[] { "/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx" }.FirstOrDefault(File.Exists);

    /// <summary>Why nginx tests cannot run here, or null when they can.</summary>
    public static string? SkipReason => Binary is null ? "nginx is not installed (.ci/run installs Debian's nginx-light)" : null;

    /// <summary>
    /// Starts nginx serving <paramref name="folder"/> at <c>/rfc/</c> on <paramref name="address"/>
    /// (127.0.0.1 by default, or [::1]). <paramref name="gzip"/> turns on compression for every client.
    /// </summary>
    public static async Task<NginxServer> StartAsync(string folder, IPAddress? address = null, bool gzip = false, CancellationToken cancellationToken = default) =>
        await StartAsync(folder, indexFolder: null, address, gzip, cancellationToken);

    /// <summary>As above, and also serves <paramref name="indexFolder"/> at <c>/index/</c> when given.</summary>
    public static async Task<NginxServer> StartAsync(string folder, string? indexFolder, IPAddress? address = null, bool gzip = false, CancellationToken cancellationToken = default)
    {
        string binary = Binary ?? throw new InvalidOperationException(SkipReason);
        address ??= IPAddress.Loopback;
        string prefix = Directory.CreateTempSubdirectory("rfc-nginx-").FullName;
        Directory.CreateDirectory(Path.Combine(prefix, "logs"));
        int port = FreePort.Take(address);
        string host = address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
        string root = Path.GetFullPath(folder).TrimEnd('/') + "/";
        string config = string.Create(CultureInfo.InvariantCulture, $$"""
            {{(Environment.UserName == "root" ? "user root;" : "")}}
            daemon off;
            worker_processes 2;
            pid {{prefix}}/nginx.pid;
            error_log {{prefix}}/logs/error.log warn;
            events { worker_connections 256; }
            http {
                access_log off;
                client_body_temp_path {{prefix}}/body;
                proxy_temp_path {{prefix}}/proxy;
                fastcgi_temp_path {{prefix}}/fastcgi;
                uwsgi_temp_path {{prefix}}/uwsgi;
                scgi_temp_path {{prefix}}/scgi;
                default_type text/plain;
                sendfile on;
                keepalive_requests 100000;
                gzip {{(gzip ? "on" : "off")}};
                gzip_types text/plain;
                gzip_min_length 0;
                server {
                    listen {{host}}:{{port}};
                    location /rfc/ { alias {{root}}; }
                    {{(indexFolder is null ? "" : $"location /index/ {{ alias {Path.GetFullPath(indexFolder).TrimEnd('/')}/; }}")}}
                }
            }
            """);
        string configPath = Path.Combine(prefix, "nginx.conf");
        await File.WriteAllTextAsync(configPath, config, cancellationToken);

        ProcessStartInfo start = new(binary) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string argument in new[] { "-p", prefix, "-c", configPath, "-e", Path.Combine(prefix, "logs", "startup.log") })
        {
            start.ArgumentList.Add(argument);
        }

        Process process = Process.Start(start) ?? throw new InvalidOperationException("nginx did not start");
        NginxServer server = new(process, prefix, new Uri($"http://{host}:{port}/"));
        await server.WaitUntilListeningAsync(address, port, cancellationToken);
        return server;
    }

    private async Task WaitUntilListeningAsync(IPAddress address, int port, CancellationToken cancellationToken)
    {
        Stopwatch waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            if (_process.HasExited)
            {
                string log = await _process.StandardError.ReadToEndAsync(cancellationToken);
                throw new InvalidOperationException($"nginx exited with {_process.ExitCode}: {log}");
            }

            try
            {
                using Socket probe = new(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                await probe.ConnectAsync(new IPEndPoint(address, port), cancellationToken);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(20, cancellationToken);
            }
        }

        throw new TimeoutException("nginx did not start listening within 10 s");
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_prefix, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
