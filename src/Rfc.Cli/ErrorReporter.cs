using System.Globalization;
using Rfc.Storage;
using Rfc.Transport;

namespace Rfc.Cli;

/// <summary>
/// The one place failures become output: one line, <c>rfc: error: …</c>, the cause chain only with
/// <c>--verbose</c>, never a stack trace, and a documented <see cref="ExitCode"/>.
/// </summary>
internal static class ErrorReporter
{
    /// <summary>What usage errors print after their line.</summary>
    public const string UsageHint = "usage: rfc [options] <rfc>... | rfc <command> [options]  (try 'rfc --help')";

    public static ExitCode Report(Exception error, TextWriter stderr, bool verbose, CancellationToken cancellationToken)
    {
        if (error is OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            return ExitCode.Interrupted; // The user's own Ctrl+C is not an error: no message.
        }

        (ExitCode code, string message) = Classify(error);
        stderr.WriteLine($"rfc: error: {message}");
        if (code == ExitCode.Usage)
        {
            stderr.WriteLine(UsageHint);
        }

        if (verbose)
        {
            for (Exception? inner = error.InnerException; inner is not null; inner = inner.InnerException)
            {
                stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  caused by {inner.GetType().Name}: {inner.Message}"));
            }
        }

        stderr.Flush();
        return code;
    }

    /// <summary>The exit code and the line for <paramref name="error"/>.</summary>
    public static (ExitCode Code, string Message) Classify(Exception error) => error switch
    {
        CliUsageException or InvalidSourceException or SearchQueryException => (ExitCode.Usage, error.Message),
        FetchException { IsNotFound: true } => (ExitCode.NotFound, error.Message),
        StoreException => (ExitCode.Local, error.Message),
        FetchException { IsNetworkFailure: true } => (ExitCode.Network, error.Message),
        Rfc.Serve.ListenException => (ExitCode.Network, error.Message),
        FetchException => (ExitCode.Protocol, error.Message),
        UnauthorizedAccessException or IOException => (ExitCode.Local, $"{error.Message} (check the path and its permissions)"),
        _ => (ExitCode.Protocol, $"unexpected {error.GetType().Name}: {error.Message} (this is a bug in rfc; please report it with --verbose output)"),
    };
}
