using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Rfc.Documents;
using Rfc.Mirror;
using Spectre.Console;

namespace Rfc.Cli.Commands;

/// <summary><c>rfc mirror</c>: the whole collection (or a range) into the store, resumable, with progress.</summary>
internal static class MirrorCommand
{
    public static void Attach(RootCommand root, GlobalOptions globals, CliContext context)
    {
        Option<int?> from = new("--from") { Description = "First RFC number to mirror", HelpName = "N" };
        Option<int?> to = new("--to") { Description = "Last RFC number to mirror", HelpName = "M" };
        Option<int> jobs = new("--jobs", "-j") { Description = "Concurrent downloads, each on its own keep-alive connection", DefaultValueFactory = _ => MirrorOptions.DefaultJobs, HelpName = "N" };
        Option<bool> refresh = new("--refresh") { Description = "Revalidate stored documents (If-None-Match / If-Modified-Since) instead of skipping them" };
        Option<bool> json = new("--json") { Description = "Print the summary as JSON on stdout" };
        Option<bool> noIndex = new("--no-index") { Description = "Store the documents only; full-text indexing waits for the next 'rfc search --full-text' or 'rfc index'" };
        Command mirror = new("mirror", """
            Bring every issued RFC into the local store: fast, resumable at any point, with progress.
            Stored documents are skipped, so running it again continues where it stopped. Documents are indexed
            for full-text search while they download (on the cores the download leaves idle); the run ends when
            both are done.

            Examples:
              rfc mirror                          everything the synced index lists (syncs first if needed)
              rfc mirror --from 9000 --to 9999    a range
              rfc mirror --refresh                revalidate what is stored (cheap when nothing changed)
              rfc mirror --jobs 12 --json         more connections, a JSON summary for scripts
              rfc mirror --no-index               documents only; index later with 'rfc index'
            """)
        {
            from, to, jobs, refresh, json, noIndex,
        };
        mirror.SetAction(async (parse, cancellationToken) =>
        {
            int jobCount = parse.GetValue(jobs);
            if (jobCount is < 1 or > 64)
            {
                throw new CliUsageException($"--jobs must be between 1 and 64, not {jobCount}");
            }

            int first = parse.GetValue(from) ?? 1;
            int last = parse.GetValue(to) ?? RfcNumber.MaxValue;
            if (first < 1 || last < first || last > RfcNumber.MaxValue)
            {
                throw new CliUsageException($"--from {first} --to {last} is not a range of RFC numbers (1 to {RfcNumber.MaxValue}, from ≤ to)");
            }

            RfcClientOptions clientOptions = globals.ClientOptions(parse, context);
            await using RfcClient client = new(clientOptions with { Http = clientOptions.Http with { MaxConnectionsPerServer = jobCount } });
            IReadOnlyList<RfcNumber> numbers = await MirrorList.ResolveAsync(client, first, last, context, cancellationToken).ConfigureAwait(false);
            MirrorOptions options = new() { Jobs = jobCount, Refresh = parse.GetValue(refresh), Index = !parse.GetValue(noIndex) };
            MirrorSummary summary = context.StderrIsTerminal && !parse.GetValue(json)
                ? await RunWithProgressAsync(client, options, numbers, context, cancellationToken).ConfigureAwait(false)
                : await new RfcMirror(client, options with { Progress = LineReporter(context) }).RunAsync(numbers, cancellationToken).ConfigureAwait(false);
            Report(summary, parse.GetValue(json), context);
            return (int)ExitFor(summary);
        });
        root.Subcommands.Add(mirror);
    }

    /// <summary>Any failure makes the run fail: 3 when every failure was the network's, else 4.</summary>
    internal static ExitCode ExitFor(MirrorSummary summary) =>
        summary.Failures.Count == 0 ? ExitCode.Success
        : summary.Failures.All(f => f.IsNetwork) ? ExitCode.Network
        : ExitCode.Protocol;

    private static async Task<MirrorSummary> RunWithProgressAsync(RfcClient client, MirrorOptions options, IReadOnlyList<RfcNumber> numbers, CliContext context, CancellationToken cancellationToken)
    {
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(context.Stderr), Interactive = InteractionSupport.Yes });
        MirrorSummary? summary = null;
        await console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async progress =>
            {
                ProgressTask task = progress.AddTask("mirror", maxValue: Math.Max(1, numbers.Count));
                MirrorOptions withProgress = options with
                {
                    Progress = p =>
                    {
                        task.Value = p.Done;
                        task.Description = Markup.Escape(Describe(p));
                    },
                };
                summary = await new RfcMirror(client, withProgress).RunAsync(numbers, cancellationToken).ConfigureAwait(false);
            }).ConfigureAwait(false);
        foreach (MirrorFailure failure in summary!.Failures)
        {
            context.Stderr.WriteLine($"rfc: mirror: RFC {failure.Number} failed: {Terminal.Escape(failure.Message)}");
        }

        return summary;
    }

    /// <summary>Without a terminal: a line per failure as it happens, nothing else until the summary.</summary>
    private static Action<MirrorProgress> LineReporter(CliContext context)
    {
        MirrorFailure? reported = null;
        Lock gate = new();
        return p =>
        {
            lock (gate)
            {
                if (p.LastFailure is { } failure && !ReferenceEquals(failure, reported))
                {
                    reported = failure;
                    context.Stderr.WriteLine($"rfc: mirror: RFC {failure.Number} failed: {Terminal.Escape(failure.Message)}");
                }
            }
        };
    }

    private static string Describe(MirrorProgress p)
    {
        double seconds = Math.Max(p.Elapsed.TotalSeconds, 0.001);
        return string.Create(CultureInfo.InvariantCulture, $"{p.Done}/{p.Total} fetched  {p.Indexed}/{p.IndexQueued} indexed  {p.Bytes / 1048576.0:0.0} MiB  {p.Fetched / seconds:0} docs/s  {p.Failed} failed");
    }

    private static void Report(MirrorSummary summary, bool json, CliContext context)
    {
        MirrorProgress p = summary.Progress;
        if (json)
        {
            MirrorJsonSummary document = new(p.Total, p.Fetched, p.Unchanged, p.Failed, p.Indexed, p.Bytes, Math.Round(p.Elapsed.TotalSeconds, 3),
                [.. summary.Failures.Select(f => new MirrorJsonFailure(f.Number.Value, f.Message, f.IsNetwork))]);
            JsonSerializer.Serialize(context.Stdout, document, MirrorJsonContext.Default.MirrorJsonSummary);
            context.Stdout.Write("\n"u8);
            return;
        }

        double seconds = Math.Max(p.Elapsed.TotalSeconds, 0.001);
        context.Stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"rfc: mirror: {p.Total} documents: {p.Fetched} fetched, {p.Unchanged} unchanged, {p.Failed} failed, {p.Indexed} indexed; {p.Bytes / 1048576.0:0.0} MiB in {seconds:0.0} s ({p.Fetched / seconds:0} docs/s)"));
    }
}

/// <summary>The <c>--json</c> summary of a mirror run.</summary>
internal sealed record MirrorJsonSummary(int Total, int Fetched, int Unchanged, int Failed, int Indexed, long Bytes, double Seconds, IReadOnlyList<MirrorJsonFailure> Failures);

/// <summary>One failed document in the <c>--json</c> summary.</summary>
internal sealed record MirrorJsonFailure(int Rfc, string Error, bool Network);

/// <summary>Source-generated JSON for the mirror's summary (NativeAOT: no reflection).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = false)]
[JsonSerializable(typeof(MirrorJsonSummary))]
internal sealed partial class MirrorJsonContext : JsonSerializerContext;
