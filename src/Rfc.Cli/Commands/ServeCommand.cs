using System.CommandLine;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Rfc.Cli.Commands;

/// <summary>
/// <c>rfc serve</c>: the local library over HTTP, as a mirror for other rfc clients and as a reader in the browser,
/// until Ctrl+C or SIGTERM (a graceful stop, exit 0). The server is a second executable, <c>rfc-serve</c>, installed
/// beside rfc: this command declares the options (so <c>rfc serve --help</c> and completion work here) and then
/// replaces the process with that program (execv), so its signals and exit code are the server's own. The rfc binary
/// carries no ASP.NET Core, which keeps every other command's start-up as fast as before the server existed
/// (docs/ARCHITECTURE.md, "Two binaries").
/// </summary>
internal static partial class ServeCommand
{
    /// <summary>The server's file name; the same as its assembly name (src/Rfc.Serve).</summary>
    internal const string ServerName = "rfc-serve";

    private const string DefaultListen = "127.0.0.1:8080";

    public static void Attach(RootCommand root, GlobalOptions globals, CliContext context)
    {
        Option<string> listen = new("--listen")
        {
            Description = $"The address and port to listen on: 127.0.0.1:8080, [::1]:8080, or 0.0.0.0:8080 for every interface [default: {DefaultListen}]",
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
            The server is the rfc-serve program installed beside rfc.

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
            List<string> arguments = [];
            if (parse.GetValue(listen) is { } address)
            {
                arguments.Add("--listen");
                arguments.Add(address);
            }

            if (parse.GetValue(quiet))
            {
                arguments.Add("--quiet");
            }

            if (parse.GetValue(globals.Verbose))
            {
                arguments.Add("--verbose");
            }

            return RunAsync(arguments, context, cancellationToken);
        });
        root.Subcommands.Add(serve);
    }

    /// <summary>Where rfc-serve is: beside the running executable, beside rfc.dll, or in the Rfc.Serve build output.</summary>
    internal static string? FindServer()
    {
        string name = OperatingSystem.IsWindows() ? ServerName + ".exe" : ServerName;
        List<string> directories = [];
        if (Environment.ProcessPath is { } process)
        {
            // The installed layout: $PREFIX/bin/rfc is a symlink to $PREFIX/lib/rfc/rfc, beside rfc-serve.
            string real = new FileInfo(process).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? process;
            directories.Add(Path.GetDirectoryName(real) ?? "");
        }

        // dotnet run / dotnet rfc.dll / a test's output: the process is dotnet, rfc.dll is in AppContext.BaseDirectory.
        directories.Add(AppContext.BaseDirectory);
        // The development layout: src/Rfc.Cli/bin/CONFIG/TFM/ beside src/Rfc.Serve/bin/CONFIG/TFM/.
        DirectoryInfo tfm = new(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory));
        if (tfm.Parent?.Parent?.Parent?.Parent is { } src)
        {
            directories.Add(Path.Combine(src.FullName, "Rfc.Serve", "bin", tfm.Parent.Name, tfm.Name));
        }

        return directories.Where(d => d.Length > 0).Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
    }

    private static async Task<int> RunAsync(List<string> arguments, CliContext context, CancellationToken cancellationToken)
    {
        string server = FindServer()
            ?? throw new ServerMissingException($"rfc serve needs the {ServerName} program next to rfc (reinstall with ./install.sh)");
        await context.Stderr.FlushAsync(CancellationToken.None);
        if (!OperatingSystem.IsWindows())
        {
            // Replaces this process: from here on the pid, the signals and the exit code are rfc-serve's.
            string?[] argv = [server, .. arguments, null];
            _ = Execv(server, argv);
            throw new ServerMissingException($"rfc serve could not start {server} (errno {Marshal.GetLastPInvokeError()}; reinstall with ./install.sh)");
        }

        // No execv: a child with this console, whose exit code becomes ours; Ctrl+C reaches both.
        ProcessStartInfo start = new(server) { UseShellExecute = false };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process child = Process.Start(start) ?? throw new ServerMissingException($"rfc serve could not start {server} (reinstall with ./install.sh)");
        await child.WaitForExitAsync(CancellationToken.None);
        _ = cancellationToken;
        return child.ExitCode;
    }

    [LibraryImport("libc", EntryPoint = "execv", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Execv(string path, string?[] argv);
}

/// <summary>rfc-serve is not installed beside rfc or could not be started: exit 5, like any other missing local file.</summary>
internal sealed class ServerMissingException(string message) : Exception(message);
