using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Rfc.Documents;
using Rfc.Documents.References;
using Rfc.Documents.Text;

namespace Rfc.Cli.Commands;

/// <summary>
/// <c>rfc refs N</c>: the documents an RFC cites, each with its title and current status from the index, flagged when
/// obsolete, updated, a downref, not issued or unknown; <c>--check FILE</c> for a local draft; <c>--cited-by</c> for the
/// reverse view over the stored documents.
/// </summary>
internal static class RefsCommand
{
    /// <summary>The largest local file <c>--check</c> reads: drafts are well under 1 MB.</summary>
    private const int MaxCheckBytes = 16 * 1024 * 1024;

    /// <summary>Column where a reference's target starts, after its label.</summary>
    private const int LabelWidth = 14;

    public static void Attach(RootCommand root, GlobalOptions globals, CliContext context)
    {
        Argument<string?> number = new("rfc") { Description = "An RFC number: 9110, rfc9110 or \"RFC 9110\"", Arity = ArgumentArity.ZeroOrOne };
        Option<string?> check = new("--check") { Description = "Check a local plain-text draft instead of an RFC ('-' reads stdin)", HelpName = "FILE" };
        Option<bool> citedBy = new("--cited-by") { Description = "List the stored documents that cite the RFC instead" };
        Option<bool> normative = new("--normative") { Description = "Only normative references" };
        Option<bool> informative = new("--informative") { Description = "Only informative references" };
        Option<bool> json = new("--json") { Description = "Print the report as JSON, for scripts" };
        Command refs = new(
            "refs",
            """
            Show the RFCs, BCPs/STDs, Internet-Drafts and other documents an RFC cites, from its reference sections, with
            each one's title and current status from the index. Flags: obsolete (with the current replacements),
            updated (with the updates), downref (a normative reference from a standards-track document to an
            Informational, Experimental or Historic RFC or a draft; RFC 3967, RFC 8067), not issued, unknown.
            Exit 0 whatever is found; 1 when the document has no references section. Needs 'rfc sync' first.

            Examples:
              rfc refs 9110                      everything RFC 9110 cites
              rfc refs 9110 --normative --json   its normative references, for scripts
              rfc refs --check draft-me-protocol-00.txt
              rfc refs 2119 --cited-by           stored documents that cite RFC 2119
            """)
        {
            number,
            check,
            citedBy,
            normative,
            informative,
            json,
        };
        refs.SetAction((parse, cancellationToken) =>
        {
            string? value = parse.GetValue(number);
            string? file = parse.GetValue(check);
            if (file is not null == value is not null)
            {
                throw new CliUsageException(file is null ? $"{NumberArguments.Missing} (or --check FILE)" : "give an RFC number or --check FILE, not both");
            }

            RfcNumber rfc = default;
            if (value is not null && !RfcNumber.TryParse(value, out rfc))
            {
                throw new CliUsageException($"{NumberArguments.Missing} ('{value}' is not one)");
            }

            if (parse.GetValue(citedBy) && file is not null)
            {
                throw new CliUsageException("--cited-by lists who cites an RFC; it does not take --check");
            }

            ReferenceKind? only = (parse.GetValue(normative), parse.GetValue(informative)) switch
            {
                (true, true) => throw new CliUsageException("--normative and --informative each show one section; give neither to see both"),
                (true, false) => ReferenceKind.Normative,
                (false, true) => ReferenceKind.Informative,
                _ => null,
            };
            RfcClientOptions options = globals.ClientOptions(parse, context);
            return parse.GetValue(citedBy)
                ? CitedByAsync(rfc, parse.GetValue(json), options, context, cancellationToken)
                : RunAsync(file is null ? rfc : null, file, only, parse.GetValue(json), options, context, cancellationToken);
        });
        root.Subcommands.Add(refs);
    }

    private static async Task<int> RunAsync(RfcNumber? number, string? file, ReferenceKind? only, bool json, RfcClientOptions options, CliContext context, CancellationToken cancellationToken)
    {
        await using RfcClient client = new(options);
        string name = number is RfcNumber n ? $"RFC {n}" : file == "-" ? "the draft on stdin" : file!;
        ReferenceReport report = number is RfcNumber rfc
            ? await client.GetReferencesAsync(rfc, ReadMode.Default, cancellationToken)
            : client.CheckReferences(RfcTextDecoder.Decode(await ReadFileAsync(file!, context, cancellationToken)), name);

        List<ReferenceFinding> shown = [.. report.References.Where(r => only is null || r.Reference.Kind == only)];
        using StreamWriter output = LibraryOutput.Writer(context);
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(new RefsJson(number?.Value, report.Status, [.. shown.Select(ToJson)]), ReportJson.Output.RefsJson));
        }
        else
        {
            Write(output, name, report, shown);
        }

        await output.FlushAsync(cancellationToken);
        return (int)ExitCode.Success;
    }

    private static void Write(TextWriter output, string name, ReferenceReport report, List<ReferenceFinding> shown)
    {
        int normative = shown.Count(r => r.Reference.Kind == ReferenceKind.Normative);
        int informative = shown.Count(r => r.Reference.Kind == ReferenceKind.Informative);
        string status = report.Status is null ? "" : $" ({report.Status})";
        string split = normative + informative == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $": {normative} normative, {informative} informative");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}{status} cites {shown.Count} documents{split}"));
        ReferenceKind? current = null;
        foreach (ReferenceFinding finding in shown)
        {
            if (finding.Reference.Kind != current)
            {
                current = finding.Reference.Kind;
                output.WriteLine();
                output.WriteLine(current switch
                {
                    ReferenceKind.Normative => "Normative references",
                    ReferenceKind.Informative => "Informative references",
                    _ => "References",
                });
            }

            string label = finding.Reference.Label.Length == 0 ? "" : $"[{finding.Reference.Label}]";
            string head = "  " + (label.Length >= LabelWidth ? label + " " : label.PadRight(LabelWidth));
            string title = finding.Title is null || finding.Reference.Target == ReferenceTargetKind.Unresolved ? "" : $"  {finding.Title}";
            string state = finding.Status is null ? "" : $"  ({finding.Status})";
            output.WriteLine($"{head}{Target(finding)}{title}{state}".TrimEnd());
            string indent = new(' ', 2 + LabelWidth);
            foreach (string note in Notes(finding))
            {
                output.WriteLine(indent + note);
            }
        }

        int Count(ReferenceAlert alert) => shown.Count(r => r.Flags.Contains(alert));
        int unresolved = shown.Count(r => r.Reference.Target == ReferenceTargetKind.Unresolved);
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Count(ReferenceAlert.Obsolete)} obsolete, {Count(ReferenceAlert.Updated)} updated, {Count(ReferenceAlert.Downref)} downref, {Count(ReferenceAlert.NotIssued) + Count(ReferenceAlert.Unknown)} not issued or unknown, {unresolved} not recognised"));
    }

    private static string Target(ReferenceFinding finding)
    {
        Reference r = finding.Reference;
        return r.Target switch
        {
            ReferenceTargetKind.Rfc => Name(r.Id!.Value),
            ReferenceTargetKind.Subseries => Name(r.Id!.Value),
            ReferenceTargetKind.Draft => r.Draft ?? "Internet-Draft (name not given)",
            ReferenceTargetKind.External => r.Url ?? "external document",
            _ => "not recognised: " + (r.Text.Length > 60 ? r.Text[..57] + "..." : r.Text),
        };
    }

    private static IEnumerable<string> Notes(ReferenceFinding finding)
    {
        foreach (ReferenceAlert alert in finding.Flags)
        {
            yield return alert switch
            {
                ReferenceAlert.Obsolete => $"obsolete: replaced by {LibraryOutput.JoinRfcs(finding.ReplacedBy)}",
                ReferenceAlert.Updated => $"updated by {LibraryOutput.JoinRfcs(finding.UpdatedBy)}",
                ReferenceAlert.Downref => "downref: a normative reference to " + (finding.Reference.Target == ReferenceTargetKind.Draft ? "an Internet-Draft" : $"an {finding.Status} document") + " (RFC 3967, RFC 8067)",
                ReferenceAlert.NotIssued => $"not issued: the index lists {Name(finding.Reference.Id!.Value)} as \"Not Issued\"",
                _ => $"unknown: {(finding.Reference.Id is DocId id ? Name(id) : "it")} is not in the local index",
            };
        }

        if (finding.Reference.Target == ReferenceTargetKind.Subseries && finding.Members.Count > 0)
        {
            yield return $"now {LibraryOutput.JoinRfcs(finding.Members)}";
        }
    }

    private static string Name(DocId id) => id.Series switch
    {
        DocSeries.Rfc => "RFC",
        DocSeries.Bcp => "BCP",
        DocSeries.Std => "STD",
        _ => "FYI",
    } + " " + id.Number.ToString(CultureInfo.InvariantCulture);

    private static ReferenceJson ToJson(ReferenceFinding f) => new(
        f.Reference.Label,
        f.Reference.Kind.ToString().ToLowerInvariant(),
        f.Reference.Target.ToString().ToLowerInvariant(),
        f.Reference.Target switch
        {
            ReferenceTargetKind.Rfc or ReferenceTargetKind.Subseries => f.Reference.Id.ToString(),
            ReferenceTargetKind.Draft => f.Reference.Draft,
            ReferenceTargetKind.External => f.Reference.Url,
            _ => null,
        },
        f.Title,
        f.Status,
        [.. f.Flags.Select(a => a switch { ReferenceAlert.NotIssued => "not-issued", _ => a.ToString().ToLowerInvariant() })],
        [.. f.ReplacedBy.Select(n => n.Value)],
        [.. f.UpdatedBy.Select(n => n.Value)],
        [.. f.Members.Select(n => n.Value)],
        f.Reference.Text);

    private static async Task<byte[]> ReadFileAsync(string file, CliContext context, CancellationToken cancellationToken)
    {
        try
        {
            Stream input = file == "-" ? context.Stdin ?? Console.OpenStandardInput() : File.OpenRead(file);
            await using (input.ConfigureAwait(false))
            {
                using MemoryStream buffer = new();
                byte[] chunk = new byte[81920];
                int read;
                while ((read = await input.ReadAsync(chunk, cancellationToken)) > 0)
                {
                    if (buffer.Length + read > MaxCheckBytes)
                    {
                        throw new CliUsageException(string.Create(CultureInfo.InvariantCulture, $"{(file == "-" ? "stdin" : $"'{file}'")} is larger than {MaxCheckBytes / (1024 * 1024)} MiB; that is not a draft"));
                    }

                    buffer.Write(chunk, 0, read);
                }

                return buffer.ToArray();
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Exit 5 with our own words: the BCL's message is never printed (NativeAOT may show a resource key).
            throw new RfcLibraryException(RfcLibraryErrorKind.Store, $"cannot read '{file}' (check the path and its permissions)", e);
        }
    }

    private static async Task<int> CitedByAsync(RfcNumber number, bool json, RfcClientOptions options, CliContext context, CancellationToken cancellationToken)
    {
        await using RfcClient client = new(options);
        IReadOnlyList<CitingDocument> citing = client.FindCitingDocuments(number, cancellationToken);
        using StreamWriter output = LibraryOutput.Writer(context);
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(
                new RefsJson(number.Value, null, [.. citing.Select(c => new ReferenceJson(c.Label, c.Kind.ToString().ToLowerInvariant(), "rfc", $"RFC{c.Number}", c.Title, null, [], [], [], [], ""))]),
                ReportJson.Output.RefsJson));
        }
        else
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{citing.Count} stored documents cite RFC {number}"));
            foreach (CitingDocument c in citing)
            {
                string kind = c.Kind == ReferenceKind.Unspecified ? "" : $"  ({c.Kind.ToString().ToLowerInvariant()})";
                output.WriteLine($"  RFC {c.Number}{(c.Title is null ? "" : $"  {c.Title}")}  [{c.Label}]{kind}".Replace("  []", "", StringComparison.Ordinal));
            }
        }

        await output.FlushAsync(cancellationToken);
        return (int)ExitCode.Success;
    }
}
