using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using Rfc.Serve;

namespace Rfc.Cli.Commands;

/// <summary>
/// <c>rfc serve</c>: the local library over HTTP, as a mirror for other rfc clients and as a reader in the browser,
/// until Ctrl+C or SIGTERM (a graceful stop, exit 0). ASP.NET Core is touched only inside <see cref="RunAsync"/>, so
/// no other command pays for it at start-up.
/// </summary>
internal static class ServeCommand
{
    public static void Attach(RootCommand root, GlobalOptions globals, CliContext context)
    {
        Option<string> listen = new("--listen")
        {
            Description = $"The address and port to listen on: 127.0.0.1:8080, [::1]:8080, or 0.0.0.0:8080 for every interface [default: {ListenAddress.Default}]",
            HelpName = "ADDRESS:PORT",
        };
        Option<bool> quiet = new("--quiet", "-q") { Description = "Do not log one line per request on stderr" };
        Command serve = new(
            "serve",
            """
            Serve the local library over HTTP, read-only, until Ctrl+C: as a mirror for other rfc clients, curl and wget
            (/rfc/rfcN.txt exactly as stored, /rfc-index.xml or /rfc-index.txt as synced; ETag, Range, gzip), and as a
            reader in the browser (/ to search, /rfc/N with links, contents and anchors like the RFC Editor's pages).
            Loopback only unless --listen names another address. One line per request on stderr unless --quiet.

            Examples:
              rfc serve                                  http://127.0.0.1:8080/ in a browser
              rfc serve --listen 0.0.0.0:8080            the whole team's library (readable by the network)
              rfc --source http://host:8080 2616         another rfc reading from it
              rfc sync --index-url http://host:8080/rfc-index.xml && rfc mirror --source http://host:8080
            """)
        {
            listen,
            quiet,
        };
        serve.SetAction((parse, cancellationToken) =>
        {
            string text = parse.GetValue(listen) ?? ListenAddress.Default;
            if (!ListenAddress.TryParse(text.Trim(), out IPEndPoint? endPoint, out string? error))
            {
                throw new CliUsageException($"--listen '{text}': {error}");
            }

            return RunAsync(endPoint, parse.GetValue(quiet), globals.ClientOptions(parse, context), context, cancellationToken);
        });
        root.Subcommands.Add(serve);
    }

    private static async Task<int> RunAsync(IPEndPoint endPoint, bool quiet, RfcClientOptions options, CliContext context, CancellationToken cancellationToken)
    {
        await using RfcClient client = new(options);
        int documents = client.CountStoredDocuments();
        using CancellationTokenSource stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // SIGTERM is how service managers stop a server: a normal, graceful end like Ctrl+C.
        using PosixSignalRegistration terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
        {
            signal.Cancel = true;
            stop.Cancel();
        });

        RfcServer server = await RfcServer.StartAsync(client, new RfcServerOptions { Listen = endPoint, Log = quiet ? null : context.Stderr }, cancellationToken);
        await using (server)
        {
            if (!IPAddress.IsLoopback(endPoint.Address))
            {
                await context.Stderr.WriteLineAsync($"rfc: notice: listening on {server.EndPoint}, not loopback: anyone who can reach this machine can read the library");
            }

            string index = client.HasIndex ? "with the index" : "without an index (run 'rfc sync' to add one)";
            await context.Stderr.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"rfc: serving {documents} documents {index} at {server.BaseUri} (Ctrl+C to stop)"));
            await context.Stderr.FlushAsync(CancellationToken.None);
            try
            {
                using CancellationTokenSource either = CancellationTokenSource.CreateLinkedTokenSource(stop.Token, server.Stopping);
                await Task.Delay(Timeout.Infinite, either.Token);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C or SIGTERM: the normal end of a server.
            }

            await server.StopAsync();
            await context.Stderr.WriteLineAsync("rfc: stopped");
        }

        return (int)ExitCode.Success;
    }
}
