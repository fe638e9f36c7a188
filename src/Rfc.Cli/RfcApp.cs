using System.CommandLine;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using System.Text;
using Rfc.Cli.Commands;
using Rfc.Documents;

namespace Rfc.Cli;

/// <summary>
/// The command-line application: builds the command tree, runs it, and is the one place that turns
/// failures into a single line on stderr and a documented <see cref="ExitCode"/>.
/// </summary>
internal static class RfcApp
{
    /// <summary>More digits than any RFC number needs: such an argument is left to the parser and its error.</summary>
    private const int MaxPlainDigits = 6;

    /// <summary>Runs rfc against the real console; Ctrl+C cancels (a second Ctrl+C exits at once).</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        // Neither Console.CancelKeyPress, Console.Error nor the console's streams: each sets the console up for
        // interactive use, which creates Console.Out, and either writer first looks up the console's encoding by its
        // name in LANG. perf over 60 NativeAOT runs of `rfc search sip` put that set-up at 4.6 % of the process's time;
        // rfc reads no keys, and its standard output is UTF-8 bytes whatever LANG says, so standard error is UTF-8 too.
        // ConsoleOutputStream writes to the descriptors themselves.
        // The everyday index search registers no handler: it only reads, and prints within milliseconds, so Ctrl+C's
        // default action ends it at once, as it ends grep (the shell sees the interrupt, exit status 130), and leaves
        // nothing half-done (a read transaction; the -wal and -shm files a killed reader leaves are the next open's to
        // recover). The registration starts the runtime's signal-handling thread: without it `rfc search sip` ran
        // 0.64 ms faster (benchmarks/paired.py, 400 pairs, median of ~21 ms on a slow machine).
        using CancellationTokenSource interrupt = new();
        using PosixSignalRegistration? ctrlC = IsPlainSearch(args) ? null : PosixSignalRegistration.Create(PosixSignal.SIGINT, signal =>
        {
            if (interrupt.IsCancellationRequested)
            {
                return; // The second Ctrl+C: the signal's default action ends the process.
            }

            signal.Cancel = true;
            interrupt.Cancel();
        });

        using Stream stdout = ConsoleOutputStream.StandardOutput();
        // Flushed at every write and locked, as Console.Error is: a line appears whole and at once.
        using StreamWriter stderrWriter = new(ConsoleOutputStream.StandardError(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1024) { AutoFlush = true };
        TextWriter stderr = TextWriter.Synchronized(stderrWriter);
        CliContext context = new(stdout, stderr, !Console.IsOutputRedirected, Environment.GetEnvironmentVariable) { StderrIsTerminal = !Console.IsErrorRedirected };
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
        if (IsPlainRead(args, out string? number, out bool offline))
        {
            // The everyday cached read skips building the command tree (about a tenth of its time, mostly the help
            // option's resource lookup): same action, same output, same errors and exit codes.
            try
            {
                return await GetCommand.RunPlainAsync(number, offline, context, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                return (int)ErrorReporter.Report(e, context.Stderr, verbose: false, cancellationToken);
            }
        }

        if (IsPlainSearch(args))
        {
            // So does the everyday index search (a tenth of a search's instructions were the tree and its parse).
            try
            {
                return await SearchCommand.RunPlainAsync(args[1..], context, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                return (int)ErrorReporter.Report(e, context.Stderr, verbose: false, cancellationToken);
            }
        }

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

    /// <summary>
    /// True for exactly <c>rfc search WORD…</c>, words the full parser reads as the query and nothing else: no option,
    /// no <c>--</c>, no response file, directive or help alias. Anything else goes to the parser.
    /// </summary>
    internal static bool IsPlainSearch(string[] args)
    {
        if (args.Length < 2 || args[0] != "search")
        {
            return false;
        }

        foreach (string word in args.AsSpan(1))
        {
            // Not an option or "--", a response file (@file), a directive ([…]) or a help alias (/?, /h).
            if (word.Length == 0 || word[0] is '-' or '@' or '[' or '/')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// True for exactly <c>rfc DIGITS</c> or <c>rfc DIGITS --offline</c> (either order) naming a valid RFC number: the
    /// arguments the full parser reads as one number and at most the one flag. Anything else goes to the parser.
    /// </summary>
    internal static bool IsPlainRead(string[] args, [NotNullWhen(true)] out string? number, out bool offline)
    {
        number = null;
        offline = false;
        if (args.Length is < 1 or > 2)
        {
            return false;
        }

        foreach (string arg in args)
        {
            if (arg == "--offline" && !offline)
            {
                offline = true;
            }
            else if (number is null && arg.Length is > 0 and <= MaxPlainDigits && arg.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0 && RfcNumber.TryParse(arg, out _))
            {
                number = arg;
            }
            else
            {
                number = null;
                return false;
            }
        }

        return number is not null;
    }
}
