using System.CommandLine;
using System.Globalization;
using Rfc.Http;
using Rfc.Transport;

namespace Rfc.Cli;

/// <summary>The options every command that touches the network shares, and how they become client options.</summary>
internal sealed class GlobalOptions
{
    public GlobalOptions()
    {
        // Tab completion (rfc completion) offers the transports by name; an unknown one is still reported by ClientOptions.
        Transport.CompletionSources.Add(Transports.Names.ToArray());
    }

    public Option<string?> Source { get; } = new("--source")
    {
        Description = "Where documents come from: a URL template with {n}, a base URL, or 'ietf' [env: RFC_SOURCE; default: https://www.rfc-editor.org/rfc/rfc{n}.txt]",
        HelpName = "TEMPLATE",
        Recursive = true,
    };

    public Option<string?> Transport { get; } = new("--transport")
    {
        Description = "http (HttpClient) or socket (rfc's own HTTP/1.1 client) [env: RFC_TRANSPORT; default: http]",
        HelpName = "NAME",
        Recursive = true,
    };

    public Option<double?> Timeout { get; } = new("--timeout")
    {
        Description = "Seconds to wait for the server's next bytes before giving up [default: 30]",
        HelpName = "SECONDS",
        Recursive = true,
    };

    public Option<double?> ConnectTimeout { get; } = new("--connect-timeout")
    {
        Description = "Seconds to allow for name resolution and connecting [default: 10]",
        HelpName = "SECONDS",
        Recursive = true,
    };

    public Option<double?> MaxTime { get; } = new("--max-time")
    {
        Description = "Seconds one transfer may take in all, however fast bytes arrive [default: no limit]",
        HelpName = "SECONDS",
        Recursive = true,
    };

    public Option<string?> CaFile { get; } = new("--ca-file")
    {
        Description = "A PEM or DER certificate to trust in addition to the system's [env: RFC_CA_FILE]",
        HelpName = "FILE",
        Recursive = true,
    };

    public Option<bool> Trace { get; } = new("--trace")
    {
        Description = "Show each layer of the network stack on stderr as the request goes down and the response comes back",
        Recursive = true,
    };

    public Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "On failure, also show the chain of causes",
        Recursive = true,
    };

    public IEnumerable<Option> All => [Source, Transport, Timeout, ConnectTimeout, MaxTime, CaFile, Trace, Verbose];

    /// <summary>True when the raw arguments ask for --verbose (used when parsing itself failed).</summary>
    public static bool VerboseRequested(string[] args) => args.Contains("--verbose") || args.Contains("-v");

    /// <summary>Builds the client options from the parsed options, falling back to the environment.</summary>
    public RfcClientOptions ClientOptions(ParseResult parse, CliContext context) => ClientOptions(
        context,
        parse.GetValue(Source),
        parse.GetValue(Transport),
        parse.GetValue(Timeout),
        parse.GetValue(ConnectTimeout),
        parse.GetValue(MaxTime),
        parse.GetValue(CaFile),
        parse.GetValue(Trace));

    /// <summary>Builds the client options when no option is given: from the environment and defaults only.</summary>
    public static RfcClientOptions DefaultClientOptions(CliContext context) => ClientOptions(context, null, null, null, null, null, null, trace: false);

    private static RfcClientOptions ClientOptions(CliContext context, string? sourceOption, string? transportOption, double? timeout, double? connectTimeout, double? maxTime, string? caFile, bool trace)
    {
        DocumentSource source = DocumentSource.Parse(sourceOption ?? context.Env("RFC_SOURCE"));
        string transport = (transportOption ?? context.Env("RFC_TRANSPORT") ?? "http").Trim().ToLowerInvariant();
        if (!Transports.Names.Contains(transport))
        {
            throw new CliUsageException($"unknown transport '{transport}' (use http or socket)");
        }

        HttpTransportOptions http = new()
        {
            ReadTimeout = Seconds(timeout, HttpTransportOptions.DefaultReadTimeout, "--timeout"),
            ConnectTimeout = Seconds(connectTimeout, HttpTransportOptions.DefaultConnectTimeout, "--connect-timeout"),
            MaxTime = maxTime is double seconds ? Seconds(seconds, TimeSpan.Zero, "--max-time") : null,
            CaFile = caFile ?? context.Env("RFC_CA_FILE"),
            Trace = trace ? new TextWriterTraceSink(context.Stderr) : null,
            Environment = context.Environment,
        };
        if (http.CaFile is not null && !File.Exists(http.CaFile))
        {
            throw new CliUsageException($"CA file '{http.CaFile}' does not exist (check --ca-file or RFC_CA_FILE)");
        }

        return new RfcClientOptions { Source = source, Transport = transport, Http = http, StoreDirectory = RfcClient.StoreDirectoryFor(context.Env) };
    }

    private static TimeSpan Seconds(double? value, TimeSpan fallback, string option)
    {
        if (value is null)
        {
            return fallback;
        }

        if (double.IsNaN(value.Value) || value.Value <= 0 || value.Value > 86_400)
        {
            throw new CliUsageException(string.Create(CultureInfo.InvariantCulture, $"{option} must be a number of seconds above 0 and at most 86400, not {value}"));
        }

        return TimeSpan.FromSeconds(value.Value);
    }
}
