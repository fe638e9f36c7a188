using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Rfc.Testing;

/// <summary>
/// Python's <c>http.server</c> serving a folder on loopback: an HTTP/1.0 server that closes after every
/// response, a different peer from Kestrel and nginx. Tests skip when python3 is absent.
/// </summary>
public sealed class PythonHttpServer : IAsyncDisposable
{
    private readonly Process _process;

    private PythonHttpServer(Process process, Uri baseUri)
    {
        _process = process;
        BaseUri = baseUri;
    }

    /// <summary>The server's root.</summary>
    public Uri BaseUri { get; }

    /// <summary>The python3 binary, or null.</summary>
    public static string? Binary => (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin")
        .Split(':', StringSplitOptions.RemoveEmptyEntries)
        .Select(folder => Path.Combine(folder, "python3"))
        .FirstOrDefault(File.Exists);

    /// <summary>Why these tests cannot run here, or null.</summary>
    public static string? SkipReason => Binary is null ? "python3 is not installed" : null;

    /// <summary>Serves <paramref name="folder"/> at the server's root on 127.0.0.1.</summary>
    public static async Task<PythonHttpServer> StartAsync(string folder, CancellationToken cancellationToken = default)
    {
        int port = FreePort.Take();

        ProcessStartInfo start = new(Binary ?? throw new InvalidOperationException(SkipReason)) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (string argument in new[] { "-m", "http.server", "--bind", "127.0.0.1", "--directory", folder, port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        Process process = Process.Start(start)!;
        _ = process.StandardError.ReadToEndAsync(cancellationToken);
        _ = process.StandardOutput.ReadToEndAsync(cancellationToken);
        PythonHttpServer server = new(process, new Uri($"http://127.0.0.1:{port}/"));
        Stopwatch waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using Socket socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), cancellationToken);
                return server;
            }
            catch (SocketException) when (waited.Elapsed < TimeSpan.FromSeconds(10) && !process.HasExited)
            {
                await Task.Delay(25, cancellationToken);
            }
        }
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
    }
}
