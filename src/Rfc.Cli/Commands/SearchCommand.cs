using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Rfc.Documents;
using Rfc.Documents.Index;
using Rfc.Documents.Search;

namespace Rfc.Cli.Commands;

/// <summary><c>rfc search QUERY</c>: ranked search over the index, or <c>--full-text</c> over stored documents.</summary>
internal static class SearchCommand
{
    /// <summary>The most results one search returns.</summary>
    private const int MaxLimit = 1000;

    /// <summary>How a hit that matches only some of the query's words is marked, in the table and the piped fifth column.</summary>
    private const string PartialMark = "partial match";

    private const string AnsiHighlight = "\u001b[1;33m";
    private const string AnsiReset = "\u001b[0m";

    public static void Attach(RootCommand root, CliContext context)
    {
        Argument<string[]> query = new("query") { Description = "Words to find (all must match), or an FTS5 query: \"a phrase\", AND, OR, NOT, prefix*", Arity = ArgumentArity.OneOrMore };
        Option<bool> fullText = new("--full-text") { Description = "Search inside the stored documents instead of the index; shows a snippet, page and section per hit" };
        Option<string?> status = new("--status") { Description = "Only RFCs with this current status: \"proposed standard\", \"internet standard\", \"best current practice\", informational, experimental, historic…", HelpName = "STATUS" };
        Option<string?> since = new("--since") { Description = "Only RFCs published in or after this year", HelpName = "YEAR" };
        Option<string?> author = new("--author") { Description = "Only RFCs with an author whose name contains this", HelpName = "NAME" };
        Option<string?> wg = new("--wg") { Description = "Only RFCs from this IETF working group (acronym, as in rfc-index.xml)", HelpName = "ACRONYM" };
        Option<string?> limit = new("--limit") { Description = $"At most this many results [default: {RfcSearchFilter.DefaultLimit}]", HelpName = "N" };
        Option<bool> json = new("--json") { Description = "Print the results as JSON, for scripts" };
        Command search = new(
            "search",
            """
            Search the RFC index, or with --full-text the text of every stored document. Index results put the RFC whose
            title names what you typed (its name, its acronym) and that is a current standard first, then the documents
            around it; a number (9110, bcp 14) goes straight to that document, and a misspelt word is corrected.
            On a terminal the results are a table; otherwise one tab-separated line each (number, date, status, title,
            then "obsoleted, see RFC …" and/or "partial match" when the RFC has only some of the words).

            Examples:
              rfc search "congestion control" --status "proposed standard"
              rfc search http --since 2020 --wg httpbis
              rfc search 'quic NOT http' --limit 5 --json
              rfc search --full-text '"coffee pot"'        phrases, AND/OR/NOT and prefix* pass through to FTS5
            """)
        {
            query,
            fullText,
            status,
            since,
            author,
            wg,
            limit,
            json,
        };
        search.SetAction((parse, cancellationToken) =>
        {
            string text = QueryText(parse.GetValue(query) ?? []);

            int count = Number(parse.GetValue(limit), "--limit", "a number of results from 1 to 1000") ?? RfcSearchFilter.DefaultLimit;
            if (count is < 1 or > MaxLimit)
            {
                throw new CliUsageException(string.Create(CultureInfo.InvariantCulture, $"--limit must be 1 to {MaxLimit}, not {count}"));
            }

            if (parse.GetValue(fullText))
            {
                if (parse.GetValue(status) is not null || parse.GetValue(since) is not null || parse.GetValue(author) is not null || parse.GetValue(wg) is not null)
                {
                    throw new CliUsageException("--status, --since, --author and --wg filter the index search; --full-text searches document text and takes only --limit and --json");
                }

                return FullTextAsync(text, count, parse.GetValue(json), context, cancellationToken);
            }

            RfcSearchFilter filter = new()
            {
                Status = ParseStatus(parse.GetValue(status)),
                Since = Number(parse.GetValue(since), "--since", "a year such as 2020"),
                Author = parse.GetValue(author),
                WorkingGroup = parse.GetValue(wg),
                Limit = count,
            };
            return IndexAsync(text, filter, parse.GetValue(json), context, cancellationToken);
        });
        root.Subcommands.Add(search);
    }

    /// <summary>
    /// <c>rfc search WORDS…</c> and nothing else, which <see cref="RfcApp"/> runs without building the command tree
    /// (see <see cref="RfcApp.IsPlainSearch"/>): what the parsed command does with its defaults, an index search for
    /// the words with at most <see cref="RfcSearchFilter.DefaultLimit"/> results as a table or tab-separated lines.
    /// </summary>
    public static Task<int> RunPlainAsync(IReadOnlyList<string> words, CliContext context, CancellationToken cancellationToken) =>
        IndexAsync(QueryText(words), new RfcSearchFilter { Limit = RfcSearchFilter.DefaultLimit }, json: false, context, cancellationToken);

    /// <summary>The query's words as one query, refused when longer than the index search reads.</summary>
    private static string QueryText(IEnumerable<string> words)
    {
        string text = string.Join(' ', words);
        return text.Length > RfcClient.MaxQueryLength
            ? throw new CliUsageException(string.Create(CultureInfo.InvariantCulture, $"the search query is {text.Length} characters long; at most {RfcClient.MaxQueryLength} are searched (shorten it)"))
            : text;
    }

    /// <summary>
    /// Reads an integer option; System.CommandLine's own message for a bad one names the CLR type
    /// (<c>System.Nullable`1[System.Int32]</c>), so the option is a string and this says what was expected.
    /// </summary>
    private static int? Number(string? text, string option, string expected)
    {
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw new CliUsageException($"{option} takes {expected}, not '{text}'");
    }

    private static string? ParseStatus(string? text)
    {
        if (text is null)
        {
            return null;
        }

        RfcStatus status = RfcStatus.Parse(text);
        if (status.Kind == RfcStatusKind.Other || (status.Kind == RfcStatusKind.Unknown && !string.Equals(text.Trim(), "unknown", StringComparison.OrdinalIgnoreCase)))
        {
            throw new CliUsageException($"--status '{text}' is not a status the index uses (proposed standard, draft standard, internet standard, best current practice, informational, experimental, historic, unknown)");
        }

        return status.Text;
    }

    private static async Task<int> IndexAsync(string query, RfcSearchFilter filter, bool json, CliContext context, CancellationToken cancellationToken)
    {
        await using RfcClient client = LibraryOutput.LocalClient(context);
        RfcSearchResults hits = client.SearchIndex(query, filter);
        if (hits.Count == 0)
        {
            throw new RfcLibraryException(RfcLibraryErrorKind.NotFound, $"no RFC in the index matches '{hits.SearchedFor}' (try fewer or other words, or 'rfc sync' for a newer index)");
        }

        if (hits.IsCorrected)
        {
            await context.Stderr.WriteLineAsync($"rfc: searching for \"{Terminal.Escape(hits.SearchedFor)}\"");
        }

        if (hits.IsPartial)
        {
            await context.Stderr.WriteLineAsync($"rfc: no RFC matches every word of \"{Terminal.Escape(hits.SearchedFor)}\"; these match some of them");
        }

        List<(RfcSearchHit Hit, IReadOnlyList<RfcNumber> Current)> results = [.. hits.Select(h => (h, h.CurrentVersions))];

        using StreamWriter output = LibraryOutput.Writer(context);
        if (json)
        {
            List<SearchHitJson> items = [.. results.Select(r => new SearchHitJson(
                r.Hit.Number.Value, r.Hit.Title, r.Hit.Date?.ToString(), r.Hit.Status.Text, r.Hit.IsObsoleted, [.. r.Current.Select(n => n.Value)], r.Hit.Score, r.Hit.IsPartial,
                new ScorePartsJson(r.Hit.Parts.Text, r.Hit.Parts.Coverage, r.Hit.Parts.Name, r.Hit.Parts.Standing, r.Hit.Parts.Centrality, r.Hit.Parts.Version)))];
            output.WriteLine(JsonSerializer.Serialize(items, LibraryJson.Output.ListSearchHitJson));
        }
        else
        {
            LibraryOutput.Table(
                output,
                context.StdoutIsTerminal,
                ["RFC", "DATE", "STATUS", "TITLE"],
                results.Select(string[] (r) =>
                {
                    string obsolete = !r.Hit.IsObsoleted ? "" : r.Current.Count > 0 ? $"obsoleted, see {LibraryOutput.JoinRfcs(r.Current)}" : "obsoleted";
                    string marks = string.Join("; ", new[] { obsolete, r.Hit.IsPartial ? PartialMark : "" }.Where(m => m.Length > 0));
                    string number = r.Hit.Number.ToString();
                    string date = r.Hit.Date?.ToString() ?? "";
                    return context.StdoutIsTerminal
                        ? [number, date, r.Hit.Status.Text, marks.Length == 0 ? r.Hit.Title : $"{r.Hit.Title}  [{marks}]"]
                        : [number, date, r.Hit.Status.Text, r.Hit.Title, marks];
                }));
        }

        await output.FlushAsync(cancellationToken);
        return (int)ExitCode.Success;
    }

    private static async Task<int> FullTextAsync(string query, int limit, bool json, CliContext context, CancellationToken cancellationToken)
    {
        await using RfcClient client = LibraryOutput.LocalClient(context);

        // Documents stored since the last search are indexed first; a progress line if that takes a while.
        IndexProgressLine line = new(context);
        IReadOnlyList<RfcTextHit> hits;
        try
        {
            hits = await client.SearchFullTextAsync(query, limit, line.Callback, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            line.Finish();
        }
        using StreamWriter output = LibraryOutput.Writer(context);
        bool colour = context.StdoutIsTerminal && context.Env("NO_COLOR") is null;
        if (json)
        {
            List<FullTextHitJson> items = [.. hits.Select(h => new FullTextHitJson(
                h.Number.Value, h.Title, h.Page, h.Section, Highlight(h.Snippet, "**", "**"), h.Score,
                new FullTextScorePartsJson(h.Parts.Bm25, h.Parts.Relevance, h.Parts.Standing, h.Parts.Centrality, h.Parts.Prior)))];
            output.WriteLine(JsonSerializer.Serialize(items, LibraryJson.Output.ListFullTextHitJson));
        }
        else if (context.StdoutIsTerminal)
        {
            foreach (RfcTextHit hit in hits)
            {
                output.WriteLine(hit.Title is null ? $"RFC {hit.Number}" : $"RFC {hit.Number}  {Terminal.Escape(hit.Title)}");
                output.WriteLine($"    {Terminal.Escape(Where(hit))}");
                output.WriteLine($"    {(colour ? Highlight(Shown(hit.Snippet), AnsiHighlight, AnsiReset) : Highlight(Shown(hit.Snippet), "**", "**"))}");
                output.WriteLine();
            }
        }
        else
        {
            foreach (RfcTextHit hit in hits)
            {
                string page = hit.Page?.ToString(CultureInfo.InvariantCulture) ?? "";
                output.WriteLine(string.Join('\t', hit.Number.ToString(), page, Terminal.Escape((hit.Section ?? "").Replace('\t', ' ')), Highlight(Shown(hit.Snippet.Replace('\t', ' ')), "**", "**")));
            }
        }

        await output.FlushAsync(cancellationToken);
        if (hits.Count == 0 && !json)
        {
            await context.Stderr.WriteLineAsync($"rfc: no stored document matches '{Terminal.Escape(query)}'");
        }

        return (int)ExitCode.Success;
    }

    private static string Where(RfcTextHit hit) => (hit.Page, hit.Section) switch
    {
        (int page, string section) => $"page {page}, section {section}",
        (int page, null) => $"page {page}",
        (null, string section) => $"section {section}",
        _ => "",
    };

    private static string Highlight(string snippet, string start, string end) =>
        snippet.Replace(RfcTextHit.HighlightStart.ToString(), start, StringComparison.Ordinal).Replace(RfcTextHit.HighlightEnd.ToString(), end, StringComparison.Ordinal);

    /// <summary>The snippet with control characters shown escaped, keeping the two highlight marks for <see cref="Highlight"/>.</summary>
    private static string Shown(string snippet) => Terminal.Escape(snippet, keep: $"{RfcTextHit.HighlightStart}{RfcTextHit.HighlightEnd}");
}
