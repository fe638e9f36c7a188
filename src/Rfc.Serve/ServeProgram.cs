using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace Rfc.Serve;

/// <summary>
/// The <c>rfc-serve</c> executable: <c>rfc serve</c> replaces itself with it (see docs/ARCHITECTURE.md, "Two
/// binaries"), so ASP.NET Core lives in this binary only and every other command starts without it. It takes the
/// arguments <c>rfc serve</c> takes (<c>--listen</c>, <c>--quiet</c>, <c>--verbose</c>), finds the store through the same
/// environment variables (<c>RFC_HOME</c>, ...), and speaks rfc's error lines and exit codes: 2 for a bad argument,
/// 3 when it cannot listen, 0 when Ctrl+C or SIGTERM stops it.
/// </summary>
internal static class ServeProgram
{
    /// <summary>The usage line printed after a usage error.</summary>
    public const string UsageHint = "usage: rfc serve [--listen ADDRESS:PORT] [--quiet]  (try 'rfc serve --help')";

    private const int Success = 0;
    private const int NotFound = 1;
    private const int Usage = 2;
    private const int Network = 3;
    private const int Local = 5;
    private const int Internal = 70;
    private const int Interrupted = 130;

    /// <summary>The entry point: the real console and environment; Ctrl+C and SIGTERM stop the server.</summary>
    public static async Task<int> Main(string[] args)
    {
        using CancellationTokenSource stop = new();
        Console.CancelKeyPress += (_, e) =>
        {
            if (stop.IsCancellationRequested)
            {
                return; // The second Ctrl+C: let the runtime end the process.
            }

            e.Cancel = true;
            stop.Cancel();
        };
        return await RunAsync(args, Console.Error, Environment.GetEnvironmentVariable, stop.Token).ConfigureAwait(false);
    }

    /// <summary>
    /// Serves the store <paramref name="environment"/> names until <paramref name="cancellationToken"/> or SIGTERM
    /// stops it; returns the exit code. Never throws for bad input.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stderr, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stderr);
        ArgumentNullException.ThrowIfNull(environment);
        bool verbose = args.Contains("--verbose") || args.Contains("-v");
        try
        {
            string listen = ListenAddress.Default;
            bool quiet = false;
            for (int i = 0; i < args.Length; i++)
            {
                string arg = args[i];
                if (arg is "--help" or "-h" or "-?")
                {
                    await stderr.WriteLineAsync("rfc-serve: the server behind 'rfc serve'; see 'rfc serve --help'.").ConfigureAwait(false);
                    await stderr.WriteLineAsync(UsageHint).ConfigureAwait(false);
                    return Success;
                }
                else if (arg is "--quiet" or "-q")
                {
                    quiet = true;
                }
                else if (arg is "--verbose" or "-v")
                {
                    // Read above: it only widens error reports.
                }
                else if (arg == "--listen")
                {
                    listen = i + 1 < args.Length ? args[++i] : throw new UsageException("Required argument missing for option: '--listen'.");
                }
                else if (arg.StartsWith("--listen=", StringComparison.Ordinal) || arg.StartsWith("--listen:", StringComparison.Ordinal))
                {
                    listen = arg["--listen=".Length..];
                }
                else
                {
                    throw new UsageException($"Unrecognized command or argument '{arg}'.");
                }
            }

            if (!ListenAddress.TryParse(listen.Trim(), out IPEndPoint? endPoint, out string? error))
            {
                throw new UsageException($"--listen '{listen}': {error}");
            }

            Func<string, string?> env = name => environment(name) is { Length: > 0 } value ? value : null;
            RfcClientOptions options = new() { StoreDirectory = RfcClient.StoreDirectoryFor(env) };
            return await ServeAsync(endPoint, quiet, options, stderr, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            return Report(e, stderr, verbose, cancellationToken);
        }
    }

    private static async Task<int> ServeAsync(IPEndPoint endPoint, bool quiet, RfcClientOptions options, TextWriter stderr, CancellationToken cancellationToken)
    {
        RfcClient client = new(options);
        await using ConfiguredAsyncDisposable closeClient = client.ConfigureAwait(false);
        int documents = client.CountStoredDocuments();
        using CancellationTokenSource stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // SIGTERM is how service managers stop a server: a normal, graceful end like Ctrl+C.
        using PosixSignalRegistration terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
        {
            signal.Cancel = true;
            stop.Cancel();
        });

        RfcServer server = await RfcServer.StartAsync(client, new RfcServerOptions { Listen = endPoint, Log = quiet ? null : stderr }, cancellationToken).ConfigureAwait(false);
        await using (server.ConfigureAwait(false))
        {
            if (!IPAddress.IsLoopback(endPoint.Address))
            {
                await stderr.WriteLineAsync($"rfc: notice: listening on {server.EndPoint}, not loopback: anyone who can reach this machine can read the library").ConfigureAwait(false);
            }

            string index = client.HasIndex ? "with the index" : "without an index (run 'rfc sync' to add one)";
            await stderr.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"rfc: serving {documents} documents {index} at {server.BaseUri} (Ctrl+C to stop)")).ConfigureAwait(false);
            await stderr.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            try
            {
                using CancellationTokenSource either = CancellationTokenSource.CreateLinkedTokenSource(stop.Token, server.Stopping);
                await Task.Delay(Timeout.Infinite, either.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C or SIGTERM: the normal end of a server.
            }

            await server.StopAsync().ConfigureAwait(false);
            await stderr.WriteLineAsync("rfc: stopped").ConfigureAwait(false);
            await stderr.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }

        return Success;
    }

    /// <summary>
    /// rfc's error line for what can go wrong here (the same words and codes as rfc's own ErrorReporter): never a BCL
    /// exception's message, never a stack trace except for a bug with --verbose.
    /// </summary>
    private static int Report(Exception error, TextWriter stderr, bool verbose, CancellationToken cancellationToken)
    {
        if (error is OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            return Interrupted;
        }

        (int code, string line) = error switch
        {
            UsageException => (Usage, $"rfc: error: {Escape(error.Message)}"),
            ListenException => (Network, $"rfc: error: {Escape(error.Message)} (choose another address or port with --listen)"),
            RfcLibraryException { IsNotFound: true } => (NotFound, $"rfc: error: {Escape(error.Message)}"),
            RfcLibraryException { Kind: RfcLibraryErrorKind.InvalidQuery } => (Usage, $"rfc: error: {Escape(error.Message)}"),
            RfcLibraryException => (Local, $"rfc: error: {Escape(error.Message)}"),
            UnauthorizedAccessException or IOException => (Local, $"rfc: error: a file could not be read or written ({Describe(error)}) (check the path and its permissions)"),
            _ => (Internal, $"rfc: internal error: {error.GetType().Name} (please report this as an issue of the rfc project; run with --verbose for details)"),
        };
        stderr.WriteLine(line);
        if (code == Usage)
        {
            stderr.WriteLine(UsageHint);
        }

        if (verbose)
        {
            for (Exception? inner = error.InnerException; inner is not null; inner = inner.InnerException)
            {
                stderr.WriteLine($"  caused by {Describe(inner)}");
            }

            if (code == Internal)
            {
                stderr.WriteLine(error.StackTrace);
            }
        }

        stderr.Flush();
        return code;
    }

    /// <summary>Our own exceptions with their message, the platform's with their type and HResult only.</summary>
    private static string Describe(Exception error)
    {
        string type = error.GetType().Name;
        return error.GetType().Namespace is { } ns && (ns == "Rfc" || ns.StartsWith("Rfc.", StringComparison.Ordinal))
            ? $"{type}: {Escape(error.Message)}"
            : string.Create(CultureInfo.InvariantCulture, $"{type}, HResult 0x{error.HResult:X8}");
    }

    /// <summary>Control characters from the command line never reach the terminal as themselves.</summary>
    private static string Escape(string text)
    {
        StringBuilder escaped = new(text.Length);
        foreach (char c in text)
        {
            escaped.Append(char.IsControl(c) ? '?' : c);
        }

        return escaped.ToString();
    }

    /// <summary>A bad argument: exit 2.</summary>
    private sealed class UsageException(string message) : Exception(message);
}
