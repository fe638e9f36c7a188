using System.ComponentModel;
using System.Globalization;
using System.Net.Http;
using System.Net.Sockets;
using System.Security.Authentication;
using Rfc.Transport;

namespace Rfc.Cli;

/// <summary>
/// The one place failures become output: one line, <c>rfc: error: what failed (what to do)</c>, the cause chain only with
/// <c>--verbose</c>, never a stack trace (except for a bug, with <c>--verbose</c>), and a documented <see cref="ExitCode"/>.
/// The lower layers say what failed in their own words; the hint that names a flag or an environment variable is added
/// here, keyed on the exception's type and kind, because only the CLI knows its flags. A BCL exception's
/// <see cref="Exception.Message"/> is never printed or read (NativeAOT may print resource keys): for those the type and
/// the error code are shown.
/// </summary>
internal static class ErrorReporter
{
    /// <summary>What usage errors print after their line.</summary>
    public const string UsageHint = "usage: rfc [options] <rfc>... | rfc <command> [options]  (try 'rfc --help')";

    /// <summary>Where a bug is to be reported.</summary>
    public const string ReportTo = "please report this as an issue of the rfc project";

    public static ExitCode Report(Exception error, TextWriter stderr, bool verbose, CancellationToken cancellationToken)
    {
        if (error is OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            return ExitCode.Interrupted; // The user's own Ctrl+C is not an error: no message.
        }

        (ExitCode code, string line) = Classify(error);
        stderr.WriteLine(line);
        if (code == ExitCode.Usage && error is not TransportConfigurationException)
        {
            stderr.WriteLine(UsageHint);
        }

        if (verbose)
        {
            for (Exception? inner = error.InnerException; inner is not null; inner = inner.InnerException)
            {
                stderr.WriteLine($"  caused by {Describe(inner)}");
            }

            if (code == ExitCode.Internal)
            {
                stderr.WriteLine(error.StackTrace);
            }
        }

        stderr.Flush();
        return code;
    }

    /// <summary>The exit code and the whole line for <paramref name="error"/>.</summary>
    public static (ExitCode Code, string Line) Classify(Exception error) => error switch
    {
        CliUsageException or InvalidSourceException => Error(ExitCode.Usage, error.Message),
        Commands.ServerMissingException => Error(ExitCode.Local, error.Message),
        TransportConfigurationException { Setting: TransportSetting.CaFile } => Error(ExitCode.Usage, error.Message, "check --ca-file or RFC_CA_FILE"),
        TransportConfigurationException e => Error(ExitCode.Usage, error.Message, e.Variable is { } name ? $"fix or unset {name}" : "check https_proxy, http_proxy, all_proxy and no_proxy"),
        RfcLibraryException e => Library(e),
        FetchException { Limit: FetchLimit.MaxTime } => Error(ExitCode.Network, error.Message, "raise it with --max-time"),
        FetchException { Limit: FetchLimit.LowSpeed } => Error(ExitCode.Network, error.Message, "the window is --timeout"),
        FetchException { Limit: FetchLimit.ResponseHead } => Error(ExitCode.Network, error.Message, "the limit is --connect-timeout plus --timeout"),
        FetchException { IsTimeout: true, Layer: FetchLayer.Http } => Error(ExitCode.Network, error.Message, "read timeout; raise it with --timeout"),
        FetchException { IsTimeout: true } => Error(ExitCode.Network, error.Message, "raise it with --connect-timeout"),
        FetchException { IsNetworkFailure: true } => Error(ExitCode.Network, error.Message),
        FetchException => Error(ExitCode.Protocol, error.Message),
        OutputWriteException => Error(ExitCode.Local, error.Message, "check where it is redirected"),
        UnauthorizedAccessException or IOException => Error(ExitCode.Local, $"a file could not be read or written ({Describe(error)})", "check the path and its permissions"),
        _ => (ExitCode.Internal, $"rfc: internal error: {error.GetType().Name} ({ReportTo}; run with --verbose for details)"),
    };

    private static (ExitCode, string) Library(RfcLibraryException e) => e.Kind switch
    {
        RfcLibraryErrorKind.NotStored => Error(ExitCode.NotFound, e.Message, "--offline forbids fetching it; run without --offline to fetch it"),
        RfcLibraryErrorKind.NotInIndex => Error(ExitCode.NotFound, e.Message, "it may be newer than the last sync; run 'rfc sync' to update it"),
        RfcLibraryErrorKind.NoIndex => Error(ExitCode.NotFound, e.Message, LibraryOutput.SyncHint),
        RfcLibraryErrorKind.NoSuchSection => Error(ExitCode.NotFound, e.Message, $"see its sections with 'rfc {e.Number} --toc'"),
        RfcLibraryErrorKind.NoSuchSubseries => Error(ExitCode.NotFound, e.Message, "no RFC is part of it; run 'rfc sync' to update the index"),
        RfcLibraryErrorKind.NoDocuments => Error(ExitCode.NotFound, e.Message, "read some with 'rfc N' first"),
        RfcLibraryErrorKind.NoErrata => Error(ExitCode.NotFound, e.Message, "run 'rfc sync' first to download them"),
        RfcLibraryErrorKind.ErrataUnavailable or RfcLibraryErrorKind.InvalidErrata => Error(ExitCode.Protocol, e.Message, "check --errata-url or RFC_ERRATA_URL"),
        _ when e.IsNotFound => Error(ExitCode.NotFound, e.Message),
        RfcLibraryErrorKind.InvalidQuery => Error(ExitCode.Usage, e.Message),
        RfcLibraryErrorKind.IndexUnavailable or RfcLibraryErrorKind.InvalidIndex => Error(ExitCode.Protocol, e.Message, "check --index-url or RFC_INDEX_URL"),
        RfcLibraryErrorKind.DocumentTooLarge => Error(ExitCode.Protocol, e.Message, "check --source or RFC_SOURCE"),
        RfcLibraryErrorKind.ChecksumMismatch => Error(ExitCode.Local, e.Message, $"the local store is damaged; fetch it again with 'rfc {e.Number} --refresh'"),
        _ => Error(ExitCode.Local, e.Message),
    };

    private static (ExitCode, string) Error(ExitCode code, string message, string? hint = null) =>
        (code, hint is null ? $"rfc: error: {Terminal.Escape(message)}" : $"rfc: error: {Terminal.Escape(message)} ({hint})");

    /// <summary>
    /// One cause for <c>--verbose</c>: our own exceptions with their message (our words), the platform's with their type
    /// and error code only.
    /// </summary>
    internal static string Describe(Exception error)
    {
        string type = error.GetType().Name;
        if (error.GetType().Namespace is { } ns && (ns == "Rfc" || ns.StartsWith("Rfc.", StringComparison.Ordinal)))
        {
            return $"{type}: {Terminal.Escape(error.Message)}";
        }

        string? code = error switch
        {
            SocketException s => $"SocketError {s.SocketErrorCode}, {SocketErrors.Name(s.SocketErrorCode)}",
            HttpRequestException { HttpRequestError: not HttpRequestError.Unknown } h => $"HttpRequestError {h.HttpRequestError}",
            AuthenticationException => null,
            Win32Exception w => string.Create(CultureInfo.InvariantCulture, $"native error {w.NativeErrorCode}"),
            _ => null,
        };
        string hresult = string.Create(CultureInfo.InvariantCulture, $"HResult 0x{error.HResult:X8}");
        return code is null ? $"{type}, {hresult}" : $"{type}, {code}, {hresult}";
    }
}
