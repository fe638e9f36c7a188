using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;

namespace Rfc.Documents.Index;

/// <summary>
/// Reads <c>rfc-index.txt</c>. An entry starts with the RFC number at column 0 (zero-padded to four digits
/// in copies before about May 2026, unpadded since), continues on indented lines and ends at a blank line:
/// <code>
/// 2616 Hypertext Transfer Protocol -- HTTP/1.1. R. Fielding, J. Gettys, J.
///      Mogul, ... June 1999. (Format: TXT, PS, PDF, HTML) (Obsoletes RFC2068) (Obsoleted by
///      RFC7230, ...) (Status: DRAFT STANDARD) (DOI: 10.17487/RFC2616)
/// </code>
/// The preamble's examples are indented, so they are never taken for entries.
/// </summary>
public static partial class RfcIndexTextParser
{
    /// <summary>Reads every entry from a UTF-8 stream (a BOM is allowed), in file order. The stream is left open.</summary>
    public static async IAsyncEnumerable<RfcIndexEntry> ParseAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        await foreach (RfcIndexEntry entry in ParseAsync(reader, cancellationToken).ConfigureAwait(false))
        {
            yield return entry;
        }
    }

    /// <summary>Reads every entry, in file order. Lines that belong to no entry (the preamble) are skipped.</summary>
    public static async IAsyncEnumerable<RfcIndexEntry> ParseAsync(TextReader reader, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var entry = new StringBuilder();
        while (true)
        {
            string? line = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            bool startsEntry = line is not null && line.Length > 0 && char.IsAsciiDigit(line[0]);
            bool endsEntry = line is null || string.IsNullOrWhiteSpace(line) || startsEntry;
            if (endsEntry && entry.Length > 0)
            {
                if (TryParseEntry(entry.ToString(), out RfcIndexEntry? parsed))
                {
                    yield return parsed;
                }

                entry.Clear();
            }

            if (line is null)
            {
                yield break;
            }

            if (startsEntry)
            {
                entry.Append(line);
            }
            else if (entry.Length > 0 && !string.IsNullOrWhiteSpace(line))
            {
                AppendContinuation(entry, line);
            }
        }
    }

    /// <summary>
    /// Parses one entry (its lines joined or not). False only when it does not start with an RFC number;
    /// any other part that cannot be read is left empty, so one odd entry never loses the rest of the index.
    /// </summary>
    public static bool TryParseEntry(string text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out RfcIndexEntry? entry)
    {
        ArgumentNullException.ThrowIfNull(text);
        entry = null;
        string joined = JoinLines(text);
        int space = joined.IndexOf(' ', StringComparison.Ordinal);
        string numberText = space < 0 ? joined : joined[..space];
        if (!RfcNumber.TryParse(numberText, out RfcNumber number) || !char.IsAsciiDigit(numberText[0]))
        {
            return false;
        }

        string rest = space < 0 ? "" : joined[(space + 1)..].Trim();
        if (rest.StartsWith("Not Issued", StringComparison.OrdinalIgnoreCase))
        {
            entry = new RfcIndexEntry { Number = number, NotIssued = true };
            return true;
        }

        // Peel the trailing "(Keyword: ...)" groups off the end; what is left is "Title. Authors. Date."
        var groups = new List<(string Key, string Value)>();
        string head = rest;
        while (TryPeelGroup(ref head, out string key, out string value))
        {
            groups.Add((key, value));
        }

        groups.Reverse();
        entry = BuildEntry(number, head, groups);
        return true;
    }

    private static RfcIndexEntry BuildEntry(RfcNumber number, string head, List<(string Key, string Value)> groups)
    {
        string titleAndAuthors = head;
        RfcDate? date = null;
        Match dateMatch = DateAtEnd().Match(head);
        if (dateMatch.Success && RfcDate.TryParseMonth(dateMatch.Groups["month"].ValueSpan, out int month))
        {
            int year = int.Parse(dateMatch.Groups["year"].ValueSpan, CultureInfo.InvariantCulture);
            int? day = dateMatch.Groups["day"].Success ? int.Parse(dateMatch.Groups["day"].ValueSpan, CultureInfo.InvariantCulture) : null;
            if (day is null or (>= 1 and <= 31))
            {
                date = new RfcDate(year, month, day);
                titleAndAuthors = head[..dateMatch.Index];
            }
        }

        (string title, IReadOnlyList<RfcAuthor> authors) = SplitTitleAndAuthors(titleAndAuthors.Trim());

        IReadOnlyList<string> formats = [];
        RfcStatus status = RfcStatus.Unknown;
        string? doi = null;
        IReadOnlyList<DocId> obsoletes = [], obsoletedBy = [], updates = [], updatedBy = [], isAlso = [], seeAlso = [];
        foreach ((string key, string value) in groups)
        {
            switch (key)
            {
                case "format":
                    formats = SplitList(value);
                    break;
                case "status":
                    status = RfcStatus.Parse(value);
                    break;
                case "doi":
                    doi = value.Trim();
                    break;
                case "obsoletes":
                    obsoletes = ParseDocIds(value);
                    break;
                case "obsoleted by":
                    obsoletedBy = ParseDocIds(value);
                    break;
                case "updates":
                    updates = ParseDocIds(value);
                    break;
                case "updated by":
                    updatedBy = ParseDocIds(value);
                    break;
                case "also":
                    isAlso = ParseDocIds(value);
                    break;
                case "see also":
                    seeAlso = ParseDocIds(value);
                    break;
                default:
                    break;
            }
        }

        return new RfcIndexEntry
        {
            Number = number,
            Title = title,
            Authors = authors,
            Date = date,
            Formats = formats,
            CurrentStatus = status,
            Doi = doi,
            Obsoletes = obsoletes,
            ObsoletedBy = obsoletedBy,
            Updates = updates,
            UpdatedBy = updatedBy,
            IsAlso = isAlso,
            SeeAlso = seeAlso,
        };
    }

    /// <summary>
    /// Splits "Title. Authors." at the first ". " after which every comma-separated part looks like an
    /// author: initials and a name (<c>J.-P. Vasseur</c>, <c>L-E. Jonsson</c>), <c>Ed.</c>, or a body's
    /// name with no sentence break in it (<c>Internet Architecture Board</c>). Titles hold periods too
    /// (<c>HTTP/1.1.</c>, <c>ITU-T Rec. H.263</c>, <c>U.S. Government</c>), so the first candidate is not enough.
    /// </summary>
    private static (string Title, IReadOnlyList<RfcAuthor> Authors) SplitTitleAndAuthors(string text)
    {
        int from = 0;
        while (true)
        {
            int dot = text.IndexOf(". ", from, StringComparison.Ordinal);
            if (dot < 0)
            {
                return (text.TrimEnd('.'), []);
            }

            string authorsText = text[(dot + 2)..];
            if (TryParseAuthors(authorsText, out IReadOnlyList<RfcAuthor>? authors))
            {
                return (text[..dot], authors);
            }

            from = dot + 1;
        }
    }

    private static bool TryParseAuthors(string text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IReadOnlyList<RfcAuthor>? authors)
    {
        authors = null;

        // The list ends with the period that terminates it; "Ed.." is "Ed." plus that period.
        string list = text.EndsWith('.') ? text[..^1] : text;
        var result = new List<RfcAuthor>();
        foreach (string raw in list.Split(", "))
        {
            string part = raw.Trim();
            if (part is "Ed." or "Ed")
            {
                if (result.Count == 0)
                {
                    return false;
                }

                result[^1] = result[^1] with { Title = "Editor" };
                continue;
            }

            string afterInitials = Initials().Replace(part, "", 1);
            if (afterInitials.Length == 0 || afterInitials.Contains(". ", StringComparison.Ordinal))
            {
                return false;
            }

            result.Add(new RfcAuthor(part));
        }

        authors = result;
        return result.Count > 0;
    }

    private static bool TryPeelGroup(ref string head, out string key, out string value)
    {
        key = value = "";
        string trimmed = head.TrimEnd();
        if (!trimmed.EndsWith(')'))
        {
            return false;
        }

        int depth = 0;
        for (int i = trimmed.Length - 1; i >= 0; i--)
        {
            if (trimmed[i] == ')')
            {
                depth++;
            }
            else if (trimmed[i] == '(' && --depth == 0)
            {
                Match group = Group().Match(trimmed, i + 1, trimmed.Length - i - 2);
                if (!group.Success)
                {
                    return false;
                }

                key = string.Join(' ', group.Groups["key"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
                value = group.Groups["value"].Value.Trim();
                head = trimmed[..i].TrimEnd();
                return true;
            }
        }

        return false;
    }

    private static List<string> SplitList(string value) =>
        [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static List<DocId> ParseDocIds(string value)
    {
        var ids = new List<DocId>();
        foreach (string item in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (DocId.TryParse(item, out DocId id))
            {
                ids.Add(id);
            }
        }

        return ids;
    }

    private static string JoinLines(string text)
    {
        var joined = new StringBuilder(text.Length);
        foreach (string line in text.Split('\n'))
        {
            if (joined.Length == 0)
            {
                joined.Append(line.TrimEnd());
            }
            else if (!string.IsNullOrWhiteSpace(line))
            {
                AppendContinuation(joined, line);
            }
        }

        return joined.ToString();
    }

    /// <summary>
    /// Joins a continuation line with one space, except after a word broken at a hyphen (<c>Inter-</c> /
    /// <c>Domain</c>), which the index wraps without a space. A dash (<c>--</c>) keeps its space.
    /// </summary>
    private static void AppendContinuation(StringBuilder entry, string line)
    {
        int end = entry.Length;
        while (end > 0 && entry[end - 1] == ' ')
        {
            end--;
        }

        entry.Length = end;
        bool brokenWord = end >= 2 && entry[end - 1] == '-' && char.IsLetterOrDigit(entry[end - 2]);
        if (!brokenWord)
        {
            entry.Append(' ');
        }

        entry.Append(line.Trim());
    }

    [GeneratedRegex(@"(?:(?<day>\d{1,2})\s+)?(?<month>[A-Za-z]+)\s+(?<year>\d{4})\.?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex DateAtEnd();

    [GeneratedRegex(@"^\s*(?<key>Format|Obsoletes|Obsoleted\s+by|Updates|Updated\s+by|Also|Status|DOI|See\s+also)\s*:?\s*(?<value>.*)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Group();

    // Initials: "R.", "J.-P.", "L-E.", "HF.", "S P.", "Y(J).", "M. M.", each followed by a space or not ("A.M. McKenzie").
    [GeneratedRegex(@"^(?:\p{Lu}[\p{L}()]{0,3}(?:\.?[- ]\p{Lu}\p{L}{0,2})*\.\s?)+", RegexOptions.CultureInvariant)]
    private static partial Regex Initials();
}
