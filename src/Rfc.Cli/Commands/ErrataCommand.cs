using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Rfc.Documents;
using Rfc.Documents.Errata;

namespace Rfc.Cli.Commands;

/// <summary>
/// <c>rfc errata N</c>: an RFC's errata as the RFC Editor lays them out, from the store (after <c>rfc sync</c>); and the
/// ruled box that <c>rfc N --errata</c> sets after each affected section.
/// </summary>
internal static class ErrataCommand
{
    /// <summary>The statuses shown when <c>--status</c> is not given: all but Rejected.</summary>
    public static readonly ErrataStatus[] DefaultStatuses = [ErrataStatus.Verified, ErrataStatus.Reported, ErrataStatus.HeldForDocumentUpdate, ErrataStatus.Other];

    /// <summary>Width of the rules between errata and around a box.</summary>
    private const int RuleWidth = 72;

    public static void Attach(RootCommand root, GlobalOptions globals, CliContext context)
    {
        Argument<string> number = new("rfc") { Description = "An RFC number: 9110, rfc9110 or \"RFC 9110\"" };
        Option<string[]> status = new("--status")
        {
            Description = "Which errata: all, verified, reported, held, rejected (repeatable) [default: all but rejected]",
            HelpName = "STATUS",
            AllowMultipleArgumentsPerToken = false,
        };
        status.CompletionSources.Add("all", "verified", "reported", "held", "rejected");
        Option<bool> json = new("--json") { Description = "Print the errata as JSON, for scripts" };
        Command errata = new(
            "errata",
            """
            Show an RFC's errata as the RFC Editor lists them: Verified, Reported, Held for Document Update, then
            Rejected (left out unless asked for); Technical before Editorial. Needs 'rfc sync' first.

            Examples:
              rfc errata 9110                          verified, reported and held errata
              rfc errata 2119 --status verified        only the verified ones
              rfc errata 9110 --status all --json | jq '.[].id'
              rfc 9110 --section 8.8.3 --errata        the section with its errata after it
            """)
        {
            number,
            status,
            json,
        };
        errata.SetAction((parse, cancellationToken) =>
        {
            if (!RfcNumber.TryParse(parse.GetValue(number), out RfcNumber rfc))
            {
                throw new CliUsageException($"{NumberArguments.Missing} ('{parse.GetValue(number)}' is not one)");
            }

            IReadOnlyCollection<ErrataStatus> statuses = ParseStatuses(parse.GetValue(status));
            return RunAsync(rfc, statuses, parse.GetValue(json), globals.ClientOptions(parse, context), context, cancellationToken);
        });
        root.Subcommands.Add(errata);
    }

    /// <summary>The statuses asked for; <c>all</c> is every one. Throws the usage error for an unknown name.</summary>
    internal static IReadOnlyCollection<ErrataStatus> ParseStatuses(string[]? values)
    {
        if (values is null || values.Length == 0)
        {
            return DefaultStatuses;
        }

        HashSet<ErrataStatus> statuses = [];
        foreach (string value in values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            switch (value.ToLowerInvariant())
            {
                case "all":
                    statuses.UnionWith(Enum.GetValues<ErrataStatus>());
                    break;
                case "verified":
                    statuses.Add(ErrataStatus.Verified);
                    break;
                case "reported":
                    statuses.Add(ErrataStatus.Reported);
                    break;
                case "held":
                    statuses.Add(ErrataStatus.HeldForDocumentUpdate);
                    break;
                case "rejected":
                    statuses.Add(ErrataStatus.Rejected);
                    break;
                default:
                    throw new CliUsageException($"--status '{value}' is not a status (use all, verified, reported, held or rejected)");
            }
        }

        return statuses;
    }

    private static async Task<int> RunAsync(RfcNumber number, IReadOnlyCollection<ErrataStatus> statuses, bool json, RfcClientOptions options, CliContext context, CancellationToken cancellationToken)
    {
        await using RfcClient client = new(options);
        IReadOnlyList<ErrataRecord> all = client.GetErrata(number);
        List<ErrataRecord> shown = [.. all.Where(r => statuses.Contains(r.Status))];
        using StreamWriter output = LibraryOutput.Writer(context);
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize([.. shown.Select(ToJson)], ReportJson.Output.ListErrataJson));
        }
        else if (shown.Count == 0)
        {
            int hidden = all.Count;
            output.WriteLine(hidden == 0
                ? $"RFC {number} has no errata"
                : string.Create(CultureInfo.InvariantCulture, $"RFC {number} has no errata with the status asked for ({hidden} with others; --status all shows every one)"));
        }
        else
        {
            output.WriteLine(Summary(number, shown, all.Count - shown.Count));
            foreach (ErrataRecord record in shown)
            {
                output.WriteLine();
                output.WriteLine(new string('-', RuleWidth));
                output.WriteLine();
                foreach (string line in Lines(record))
                {
                    output.WriteLine(line);
                }
            }
        }

        await output.FlushAsync(cancellationToken);
        return (int)ExitCode.Success;
    }

    private static string Summary(RfcNumber number, List<ErrataRecord> shown, int hidden)
    {
        string counts = string.Join(", ", shown.GroupBy(r => r.Status).OrderBy(g => g.Key).Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Count()} {StatusName(g.Key, g.First().StatusText).ToLowerInvariant()}")));
        string rest = hidden == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $"; {hidden} more with --status all");
        return string.Create(CultureInfo.InvariantCulture, $"RFC {number}: {shown.Count} errata ({counts}{rest})");
    }

    private static string StatusName(ErrataStatus status, string text) => status switch
    {
        ErrataStatus.Verified => "Verified",
        ErrataStatus.Reported => "Reported",
        ErrataStatus.HeldForDocumentUpdate => "Held for Document Update",
        ErrataStatus.Rejected => "Rejected",
        _ => text,
    };

    /// <summary>One erratum in the RFC Editor's layout, line by line.</summary>
    internal static IEnumerable<string> Lines(ErrataRecord record)
    {
        yield return $"Errata ID: {record.Id}";
        yield return $"Status: {StatusName(record.Status, record.StatusText)}";
        yield return $"Type: {record.TypeText}";
        if (record.Section.Length > 0)
        {
            yield return $"Section: {record.Section}";
        }

        yield return $"Date Reported: {record.SubmitDate}";
        yield return $"Reported By: {record.Submitter}";
        if (record.Verifier is not null)
        {
            yield return $"Verifier Name: {record.Verifier}";
        }

        if (record.UpdateDate is not null)
        {
            yield return $"Date Updated: {record.UpdateDate}";
        }

        if (record.OriginalText.Length > 0)
        {
            yield return "";
            yield return record.IsGlobal ? "Throughout the document, when it says:" : record.Section.Length > 0 ? $"Section {record.Section} says:" : "It says:";
            yield return "";
            foreach (string line in record.OriginalText.Split('\n'))
            {
                yield return line;
            }
        }

        if (record.CorrectedText.Length > 0)
        {
            yield return "";
            yield return "It should say:";
            yield return "";
            foreach (string line in record.CorrectedText.Split('\n'))
            {
                yield return line;
            }
        }

        if (record.Notes.Length > 0)
        {
            yield return "";
            yield return "Notes:";
            yield return "";
            foreach (string line in record.Notes.Split('\n'))
            {
                yield return line;
            }
        }
    }

    /// <summary>
    /// <paramref name="text"/> (a document or one section) with each erratum in a ruled box after the section it names
    /// (after the page, in a paginated document); the ones that cannot be placed at the end.
    /// </summary>
    internal static string Annotate(RfcNumber number, string text, IReadOnlyList<ErrataRecord> errata, string? section)
    {
        List<string> lines = Rfc.Documents.Sections.RfcPagination.SplitLines(text);
        ErrataPlacement placement = ErrataPlacement.Place(lines, errata, section);
        StringBuilder output = new(text.Length + 4096);
        for (int i = 0; i < lines.Count; i++)
        {
            output.Append(lines[i]).Append('\n');
            if (placement.After.TryGetValue(i, out List<ErrataRecord>? here))
            {
                foreach (ErrataRecord record in here)
                {
                    Box(output, number, record);
                }
            }
        }

        if (placement.Unplaced.Count > 0)
        {
            output.Append('\n');
            output.Append(string.Create(CultureInfo.InvariantCulture, $"Errata of RFC {number} not tied to one section ({placement.Unplaced.Count}):\n"));
            foreach (ErrataRecord record in placement.Unplaced)
            {
                Box(output, number, record);
            }
        }

        return output.ToString();
    }

    private static void Box(StringBuilder output, RfcNumber number, ErrataRecord record)
    {
        string title = $"╔══ ERRATUM {record.Id} ({StatusName(record.Status, record.StatusText)}, {record.TypeText}) — not part of RFC {number} ";
        output.Append('\n').Append(title).Append('═', Math.Max(3, RuleWidth - title.Length)).Append('\n');
        foreach (string line in Lines(record))
        {
            output.Append(line.Length == 0 ? "║" : "║ ").Append(line).Append('\n');
        }

        output.Append('╚').Append('═', RuleWidth - 1).Append("\n\n");
    }

    private static ErrataJson ToJson(ErrataRecord r) => new(
        r.Id, r.Rfc.Value, StatusName(r.Status, r.StatusText), r.TypeText, r.Section, r.OriginalText, r.CorrectedText, r.Notes, r.SubmitDate, r.Submitter, r.Verifier, r.UpdateDate);
}
