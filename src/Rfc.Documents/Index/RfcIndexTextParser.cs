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
internal static partial class RfcIndexTextParser
{
    /// <summary>How many ". " in an entry are tried as the end of the title; see <see cref="SplitTitleAndAuthors"/>.</summary>
    private const int MaxTitleBreaks = 32;

    /// <summary>The longest comma-separated part taken for an author's name (real ones are under 60 characters).</summary>
    private const int MaxAuthorLength = 128;

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

    /// <summary>
    /// The longest line accepted. Published lines are at most 80 characters and the longest entry is about 1 KB,
    /// so 16 KiB leaves room for an index that does not wrap its entries while refusing a file that is not an
    /// index before it costs time or memory (the parser is linear, but a 64 MiB line is still not an index).
    /// </summary>
    public const int MaxLineLength = 16 * 1024;

    /// <summary>The longest entry accepted (its lines joined); see <see cref="MaxLineLength"/>.</summary>
    public const int MaxEntryLength = 16 * 1024;

    /// <summary>Reads every entry, in file order. Lines that belong to no entry (the preamble) are skipped.</summary>
    /// <exception cref="IndexFormatException">A line is longer than <see cref="MaxLineLength"/> or an entry longer than <see cref="MaxEntryLength"/>.</exception>
    public static async IAsyncEnumerable<RfcIndexEntry> ParseAsync(TextReader reader, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var entry = new StringBuilder();
        var lines = new LineReader(reader);
        while (true)
        {
            string? line = await lines.ReadLineAsync(cancellationToken).ConfigureAwait(false);
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

            if (entry.Length > MaxEntryLength)
            {
                throw new IndexFormatException(string.Create(CultureInfo.InvariantCulture, $"the entry ending on line {lines.LineNumber} is longer than {MaxEntryLength} characters"));
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
        int headEnd = rest.Length;
        while (TryPeelGroup(rest, ref headEnd, out string key, out string value))
        {
            groups.Add((key, value));
        }

        string head = rest[..headEnd];
        groups.Reverse();
        entry = BuildEntry(number, head, groups);
        return true;
    }

    private static RfcIndexEntry BuildEntry(RfcNumber number, string head, List<(string Key, string Value)> groups)
    {
        string titleAndAuthors = head;
        RfcDate? date = null;
        if (TryMatchDateAtEnd(head, out int dateIndex, out int? day, out ReadOnlySpan<char> monthName, out int year)
            && RfcDate.TryParseMonth(monthName, out int month)
            && day is null or (>= 1 and <= 31))
        {
            date = new RfcDate(year, month, day);
            titleAndAuthors = head[..dateIndex];
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
        // Each candidate costs a pass over the rest of the entry, so only the first few are tried: a real title
        // has a handful of ". " at most, and a bound keeps a hostile entry made of ". " linear.
        int from = 0;
        for (int candidate = 0; candidate < MaxTitleBreaks; candidate++)
        {
            int dot = text.IndexOf(". ", from, StringComparison.Ordinal);
            if (dot < 0)
            {
                break;
            }

            string authorsText = text[(dot + 2)..];
            if (TryParseAuthors(authorsText, out IReadOnlyList<RfcAuthor>? authors))
            {
                return (text[..dot], authors);
            }

            from = dot + 1;
        }

        return (text.TrimEnd('.'), []);
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
            if (part.Length > MaxAuthorLength)
            {
                return false;
            }

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

    /// <summary>
    /// Peels the last "(Keyword: value)" group off <c>text[..end]</c>, moving <paramref name="end"/> to before it
    /// (trailing white space trimmed). Works on indexes, never copies the head, so an entry of many groups is linear.
    /// </summary>
    private static bool TryPeelGroup(string text, ref int end, out string key, out string value)
    {
        key = value = "";
        int close = TrimEndIndex(text, end);
        if (close == 0 || text[close - 1] != ')')
        {
            return false;
        }

        int depth = 0;
        for (int i = close - 1; i >= 0; i--)
        {
            if (text[i] == ')')
            {
                depth++;
            }
            else if (text[i] == '(' && --depth == 0)
            {
                Match group = Group().Match(text, i + 1, close - i - 2);
                if (!group.Success)
                {
                    return false;
                }

                key = string.Join(' ', group.Groups["key"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
                value = group.Groups["value"].Value.Trim();
                end = TrimEndIndex(text, i);
                return true;
            }
        }

        return false;
    }

    private static int TrimEndIndex(string text, int end)
    {
        while (end > 0 && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return end;
    }

    /// <summary>
    /// Finds "[day] Month year[.]" at the end of <paramref name="text"/>, scanning back from the end (a regular
    /// expression unanchored at the start retried at every position, which made a long run of letters quadratic).
    /// </summary>
    /// <param name="text">The entry's head: title, authors and date.</param>
    /// <param name="index">Where the date starts (its day, or its month when there is no day).</param>
    /// <param name="day">The day of the month when one is written before the month.</param>
    /// <param name="month">The month's name: the whole run of ASCII letters before the year.</param>
    /// <param name="year">The four-digit year.</param>
    private static bool TryMatchDateAtEnd(string text, out int index, out int? day, out ReadOnlySpan<char> month, out int year)
    {
        index = 0;
        day = null;
        month = default;
        year = 0;

        int end = TrimEndIndex(text, text.Length);
        if (end > 0 && text[end - 1] == '.')
        {
            end--;
        }

        int yearStart = end - 4;
        if (yearStart < 1 || !IsAsciiDigits(text.AsSpan(yearStart, 4)) || !char.IsWhiteSpace(text[yearStart - 1]))
        {
            return false;
        }

        int monthEnd = TrimEndIndex(text, yearStart);
        int monthStart = monthEnd;
        while (monthStart > 0 && char.IsAsciiLetter(text[monthStart - 1]))
        {
            monthStart--;
        }

        if (monthStart == monthEnd)
        {
            return false;
        }

        month = text.AsSpan(monthStart, monthEnd - monthStart);
        year = int.Parse(text.AsSpan(yearStart, 4), NumberStyles.None, CultureInfo.InvariantCulture);
        index = monthStart;

        // An optional day: one or two digits, then white space, right before the month.
        int dayEnd = TrimEndIndex(text, monthStart);
        if (dayEnd < monthStart && dayEnd > 0 && char.IsAsciiDigit(text[dayEnd - 1]))
        {
            int dayStart = dayEnd > 1 && char.IsAsciiDigit(text[dayEnd - 2]) ? dayEnd - 2 : dayEnd - 1;
            day = int.Parse(text.AsSpan(dayStart, dayEnd - dayStart), NumberStyles.None, CultureInfo.InvariantCulture);
            index = dayStart;
        }

        return true;
    }

    private static bool IsAsciiDigits(ReadOnlySpan<char> text) => !text.ContainsAnyExceptInRange('0', '9');

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

    /// <summary>
    /// Reads lines as <see cref="TextReader.ReadLineAsync(CancellationToken)"/> does (CR, LF or CRLF), but refuses a
    /// line longer than <see cref="MaxLineLength"/> as soon as it gets there, instead of reading all of it first.
    /// </summary>
    private sealed class LineReader(TextReader reader)
    {
        private readonly char[] _buffer = new char[4096];
        private readonly StringBuilder _line = new();
        private int _start;
        private int _end;
        private bool _skipLf;

        /// <summary>The number of the line last returned (1-based).</summary>
        public int LineNumber { get; private set; }

        public async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken)
        {
            _line.Clear();
            while (true)
            {
                if (_start == _end)
                {
                    _start = 0;
                    _end = await reader.ReadAsync(_buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
                    if (_end == 0)
                    {
                        // The end: a last line without a line break is still a line; nothing after the last break is none.
                        if (_line.Length == 0)
                        {
                            return null;
                        }

                        LineNumber++;
                        return _line.ToString();
                    }
                }

                if (_skipLf)
                {
                    _skipLf = false;
                    if (_buffer[_start] == '\n')
                    {
                        _start++;
                        continue;
                    }
                }

                ReadOnlySpan<char> available = _buffer.AsSpan(_start, _end - _start);
                int stop = available.IndexOfAny('\r', '\n');
                int take = stop < 0 ? available.Length : stop;
                if (_line.Length + take > MaxLineLength)
                {
                    throw new IndexFormatException(string.Create(CultureInfo.InvariantCulture, $"line {LineNumber + 1} is longer than {MaxLineLength} characters"));
                }

                _line.Append(available[..take]);
                _start += take;
                if (stop >= 0)
                {
                    _skipLf = available[stop] == '\r';
                    _start++;
                    LineNumber++;
                    return _line.ToString();
                }
            }
        }
    }

    [GeneratedRegex(@"^\s*(?<key>Format|Obsoletes|Obsoleted\s+by|Updates|Updated\s+by|Also|Status|DOI|See\s+also)\s*:?\s*(?<value>.*)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Group();

    // Initials: "R.", "J.-P.", "L-E.", "HF.", "S P.", "Y(J).", "M. M.", each followed by a space or not ("A.M. McKenzie").
    [GeneratedRegex(@"^(?:\p{Lu}[\p{L}()]{0,3}(?:\.?[- ]\p{Lu}\p{L}{0,2})*\.\s?)+", RegexOptions.CultureInvariant)]
    private static partial Regex Initials();
}
