using System.CommandLine;
using System.Text;
using Rfc.Cli.Commands;

namespace Rfc.Cli;

/// <summary>
/// The command-line application: builds the command tree, runs it, and is the one place that turns
/// failures into a single line on stderr and a documented <see cref="ExitCode"/>.
/// </summary>
internal static class RfcApp
{
    /// <summary>Runs rfc against the real console; Ctrl+C cancels (a second Ctrl+C exits at once).</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        using CancellationTokenSource interrupt = new();
        Console.CancelKeyPress += (_, e) =>
        {
            if (interrupt.IsCancellationRequested)
            {
                return; // The second Ctrl+C: let the runtime end the process.
            }

            e.Cancel = true;
            interrupt.Cancel();
        };

        using Stream stdout = new ConsoleOutputStream(Console.OpenStandardOutput());
        CliContext context = new(stdout, Console.Error, !Console.IsOutputRedirected, Environment.GetEnvironmentVariable) { StderrIsTerminal = !Console.IsErrorRedirected };
        return await RunAsync(args, context, interrupt.Token).ConfigureAwait(false);
    }

    /// <summary>Runs rfc with <paramref name="args"/>, writing to <paramref name="stdout"/> and <paramref name="stderr"/>.</summary>
    public static Task<int> RunAsync(string[] args, Stream stdout, TextWriter stderr, CancellationToken cancellationToken) =>
        RunAsync(args, new CliContext(stdout, stderr, StdoutIsTerminal: false, Environment.GetEnvironmentVariable), cancellationToken);

    /// <summary>Runs rfc in <paramref name="context"/>; returns the exit code. Never throws for bad input.</summary>
    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);
        using StreamWriter output = new(context.Stdout, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 4096, leaveOpen: true);
        GlobalOptions globals = new();
        try
        {
            RootCommand root = CommandTree.Build(globals, context);
            ParseResult parse = root.Parse(NumberArguments.Normalize(args));
            // The [suggest] directive completes half-typed command lines: their errors are expected.
            if (parse.Errors.Count > 0 && parse.Action is not { ClearsParseErrors: true })
            {
                throw NumberArguments.FromUnmatched(parse.UnmatchedTokens) ?? new CliUsageException(parse.Errors[0].Message);
            }

            InvocationConfiguration invocation = new()
            {
                Output = output,
                Error = context.Stderr,
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = null,
            };
            int code = await parse.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
            // Not the caller's token: a command that ends normally on Ctrl+C (rfc serve) still gets its output flushed.
            await output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            return code;
        }
        catch (Exception e)
        {
            return (int)ErrorReporter.Report(e, context.Stderr, verbose: GlobalOptions.VerboseRequested(args), cancellationToken);
        }
    }
}
