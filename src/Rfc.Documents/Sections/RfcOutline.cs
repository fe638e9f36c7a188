using System.Globalization;
using System.Text.RegularExpressions;

namespace Rfc.Documents.Sections;

/// <summary>
/// An RFC's text, pagination removed, with its headings and table of contents, for reading one section at a
/// time. Works on both layouts: the old paginated one (numbered headings at column 0 such as <c>1 Introduction</c>
/// or <c>1.1.  Motivation</c>, a few centred such as RFC 791's <c>1.  INTRODUCTION</c>) and the v3 one
/// (<c>8.8.3.  Last-Modified</c>, <c>Appendix A.  Collected ABNF</c>, <c>B.1.  Changes from RFC 2818</c>).
/// Body text is indented in both, so a line at column 0 is a heading unless it looks otherwise.
/// </summary>
public sealed partial class RfcOutline
{
    /// <summary>Width of a plain-text RFC line (RFC 7322 §4.1); used to recognise a centred heading.</summary>
    private const int PageWidth = 72;

    /// <summary>
    /// How far a centred heading's left and right margins may differ (authors centred by hand). Tight, because a
    /// deep, long table-of-contents line in a v3 RFC can come within 8 columns of looking centred.
    /// </summary>
    private const int CentringTolerance = 3;

    /// <summary>The least indentation of a centred heading; less is an indented list item.</summary>
    private const int MinCentredIndent = 12;

    /// <summary>The longest unnumbered heading accepted; longer column-0 lines are prose or front matter.</summary>
    private const int MaxUnnumberedHeadingLength = 60;

    /// <summary>Top-level section numbers above this are taken for values in a table or a year, not sections.</summary>
    private const int MaxTopLevelNumber = 99;

    /// <summary>How many lines a wrapped heading title may continue onto.</summary>
    private const int MaxTitleContinuationLines = 2;

    /// <summary>
    /// Titles starting before this column are not continued: body text is indented 3, so a continuation of
    /// "1. Intro" (title at column 3) could not be told from a paragraph that follows without a blank line.
    /// </summary>
    private const int MinContinuedTitleColumn = 4;

    private readonly List<string> _lines;
    private readonly List<RfcHeading> _headings;
    private readonly int _tocTitle;
    private readonly int _tocEnd;

    // Parsed on first use: the full-text indexer needs only the headings, and the table of contents was about
    // 40 % of parsing an outline (perf record of rfc index --rebuild, issue 10).
    private List<TocEntry>? _toc;
    private bool _hasOwnToc;

    private RfcOutline(List<string> lines)
    {
        _lines = lines;
        (_tocTitle, _tocEnd) = FindTocBlock(lines);
        _headings = FindHeadings(lines, _tocTitle, _tocEnd);
    }

    /// <summary>The text's lines with pagination removed.</summary>
    public IReadOnlyList<string> Lines => _lines;

    /// <summary>The text with pagination removed.</summary>
    public string Text => string.Join('\n', _lines);

    /// <summary>Every heading in document order, numbered and unnumbered.</summary>
    public IReadOnlyList<RfcHeading> Headings => _headings;

    /// <summary>
    /// The table of contents: the document's own "Table of Contents" block when it has one (see
    /// <see cref="HasOwnTableOfContents"/>), else one built from the headings (front matter left out).
    /// </summary>
    public IReadOnlyList<TocEntry> TableOfContents => _toc ??= BuildTableOfContents();

    /// <summary>True when <see cref="TableOfContents"/> came from the document's own table of contents.</summary>
    public bool HasOwnTableOfContents
    {
        get
        {
            _toc ??= BuildTableOfContents();
            return _hasOwnToc;
        }
    }

    /// <summary>Reads decoded RFC text (see <see cref="Text.RfcTextDecoder"/>).</summary>
    public static RfcOutline Parse(string text) => new(RfcPagination.Remove(RfcPagination.SplitLines(text)));

    /// <summary>Reads the lines of decoded RFC text, as <see cref="RfcPagination.SplitLines"/> cuts them (they are not changed).</summary>
    internal static RfcOutline Parse(IReadOnlyList<string> lines) => new(RfcPagination.Remove(lines));

    /// <summary>
    /// Finds a section by number (<c>8.8.3</c>, <c>Section 8.8.3</c>, <c>A.1</c>, <c>Appendix A.1</c>, <c>§2</c>) or,
    /// failing that, by title, case-insensitively: an exact title first (<c>Security Considerations</c>), then a
    /// title that starts with, then one that contains the query. Null when nothing matches. A query written as a
    /// section number (<c>0</c>, <c>4.9</c>) is looked up by number only: a number no heading has is no such section,
    /// not a title that happens to contain the digit.
    /// </summary>
    public RfcSection? FindSection(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return NormaliseNumber(query) is not null ? FindSectionByNumber(query) : FindSectionByTitle(query);
    }

    /// <summary>Finds a section by number only; null when <paramref name="number"/> is not a section number or no heading has it.</summary>
    public RfcSection? FindSectionByNumber(string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        if (NormaliseNumber(number) is not string wanted)
        {
            return null;
        }

        RfcHeading? heading = _headings.FirstOrDefault(h => string.Equals(h.Number, wanted, StringComparison.OrdinalIgnoreCase));
        return heading is null ? null : GetSection(heading);
    }

    /// <summary>
    /// Finds a section by title (case-insensitive, white space collapsed): exact, then prefix, then substring.
    /// A query without a letter or digit (<c>(</c>, <c>--</c>) names no section.
    /// </summary>
    public RfcSection? FindSectionByTitle(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        string wanted = NormaliseTitle(title);
        if (!wanted.Any(char.IsLetterOrDigit))
        {
            return null;
        }

        RfcHeading? heading =
            _headings.FirstOrDefault(h => NormaliseTitle(h.Title).Equals(wanted, StringComparison.OrdinalIgnoreCase))
            ?? _headings.FirstOrDefault(h => NormaliseTitle(h.Title).StartsWith(wanted, StringComparison.OrdinalIgnoreCase))
            ?? _headings.FirstOrDefault(h => NormaliseTitle(h.Title).Contains(wanted, StringComparison.OrdinalIgnoreCase));
        return heading is null ? null : GetSection(heading);
    }

    /// <summary>The section a heading starts: up to the next heading of the same or a higher level, or the end.</summary>
    public RfcSection GetSection(RfcHeading heading)
    {
        ArgumentNullException.ThrowIfNull(heading);
        int index = _headings.IndexOf(heading);
        if (index < 0)
        {
            throw new ArgumentException("the heading does not belong to this document", nameof(heading));
        }

        int end = _lines.Count;
        for (int i = index + 1; i < _headings.Count; i++)
        {
            if (_headings[i].Level <= heading.Level)
            {
                end = _headings[i].Line;
                break;
            }
        }

        while (end > heading.Line + 1 && string.IsNullOrWhiteSpace(_lines[end - 1]))
        {
            end--;
        }

        return new RfcSection(heading, string.Join('\n', _lines.Skip(heading.Line).Take(end - heading.Line)));
    }

    /// <summary>
    /// The canonical form of a section number: <c>Section 8.8.3.</c> → <c>8.8.3</c>, <c>appendix a.1</c> → <c>A.1</c>;
    /// null when the text is not a section number.
    /// </summary>
    public static string? NormaliseNumber(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Match match = NumberQuery().Match(text);
        return match.Success ? match.Groups["num"].Value.ToUpperInvariant() : null;
    }

    private List<TocEntry> BuildTableOfContents()
    {
        if (_tocTitle >= 0 && ParseToc(_lines, _tocTitle + 1, _tocEnd) is { Count: > 0 } own)
        {
            _hasOwnToc = true;
            return own;
        }

        return [.. _headings.Where(h => h.Number is not null || !IsFrontMatterTitle(h.Title)).Select(h => new TocEntry(h.Number, h.Title, h.Level))];
    }

    private static string NormaliseTitle(string title) =>
        string.Join(' ', title.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.', ':');

    private static bool IsFrontMatterTitle(string title) =>
        title.Equals("Table of Contents", StringComparison.OrdinalIgnoreCase)
        || title.StartsWith("Status of", StringComparison.OrdinalIgnoreCase)
        || title.StartsWith("Copyright", StringComparison.OrdinalIgnoreCase)
        || title.Equals("Abstract", StringComparison.OrdinalIgnoreCase);

    /// <summary>The "Table of Contents" title line and the line where the block ends (the first heading after it).</summary>
    private static (int Title, int End) FindTocBlock(List<string> lines)
    {
        for (int i = 0; i < lines.Count; i++)
        {
            ReadOnlySpan<char> trimmed = lines[i].AsSpan().Trim();
            if (trimmed.Equals("Table of Contents", StringComparison.OrdinalIgnoreCase) || trimmed.Equals("Contents", StringComparison.OrdinalIgnoreCase))
            {
                for (int j = i + 1; j < lines.Count; j++)
                {
                    if (ParseNumberedHeading(lines[j]) is not null || IsUnnumberedHeading(lines, j))
                    {
                        return (i, j);
                    }
                }

                return (i, lines.Count);
            }

            // A table of contents is front matter; past the first numbered section there is none to find.
            if (ParseNumberedHeading(lines[i]) is not null)
            {
                break;
            }
        }

        return (-1, -1);
    }

    private static List<RfcHeading> FindHeadings(List<string> lines, int tocTitle, int tocEnd)
    {
        var headings = new List<RfcHeading>();
        for (int i = 0; i < lines.Count; i++)
        {
            if (i > tocTitle && i < tocEnd)
            {
                continue;
            }

            if (ParseNumberedHeading(lines[i]) is (string number, string title, int titleColumn))
            {
                // A long title wraps onto the next line, indented to where the title starts (RFC 2616 §19.6.1.1).
                for (int next = i + 1; next < lines.Count && next <= i + MaxTitleContinuationLines && IsTitleContinuation(lines[next], titleColumn); next++)
                {
                    title = $"{title} {lines[next].Trim()}";
                }

                headings.Add(new RfcHeading(number, title, number.Count(c => c == '.') + 1, i));
            }
            else if (IsUnnumberedHeading(lines, i))
            {
                headings.Add(new RfcHeading(null, lines[i].Trim(), 1, i));
            }
        }

        return headings;
    }

    /// <summary>A numbered heading at column 0 (or centred): its number and title; null otherwise.</summary>
    private static (string Number, string Title, int TitleColumn)? ParseNumberedHeading(string line)
    {
        if (line.Length == 0)
        {
            return null;
        }

        // Spans, not trimmed copies, and the regex only where a heading can start: this runs on every line of
        // every document the full-text indexer reads.
        int indent = line.Length - line.AsSpan().TrimStart().Length;
        if (indent == line.Length)
        {
            return null; // White space only: the regex needs a number and a title.
        }

        if (indent > 0)
        {
            int right = PageWidth - line.AsSpan().TrimEnd().Length;
            if (indent < MinCentredIndent || Math.Abs(indent - right) > CentringTolerance || MultiColumn().IsMatch(line.AsSpan().Trim()))
            {
                return null;
            }
        }

        // NumberedHeading starts, after the indent, with "Appendix"/"APPENDIX", a digit (\d) or a letter A-Z.
        if (!char.IsDigit(line[indent]) && !char.IsAsciiLetterUpper(line[indent]))
        {
            return null;
        }

        Match match = NumberedHeading().Match(line);
        if (!match.Success)
        {
            return null;
        }

        string rawNumber = match.Groups["num"].Value;
        string number = rawNumber.TrimEnd('.').ToUpperInvariant();
        string title = match.Groups["title"].Value.Trim();

        // "15.2.1.  100 Continue" is a heading; "111   escape to extended addressing mode" (a table row in RFC 791) is not.
        bool titleStartOk = char.IsLetter(title[0]) || title[0] is '"' or '\'' or '(' || (char.IsAsciiDigit(title[0]) && rawNumber.Contains('.', StringComparison.Ordinal));
        if (!titleStartOk || TocLine().IsMatch(title))
        {
            return null;
        }

        string top = number.Split('.')[0];
        if (char.IsAsciiDigit(top[0]) && int.Parse(top, CultureInfo.InvariantCulture) > MaxTopLevelNumber)
        {
            return null;
        }

        return (number, title, match.Groups["title"].Index);
    }

    private static bool IsTitleContinuation(string line, int titleColumn) =>
        titleColumn >= MinContinuedTitleColumn && line.Length > titleColumn && line.AsSpan(0, titleColumn).IsWhiteSpace() && !char.IsWhiteSpace(line[titleColumn]);

    /// <summary>An unnumbered heading (<c>Abstract</c>, <c>Authors' Addresses</c>): a short line at column 0 between blank lines.</summary>
    private static bool IsUnnumberedHeading(List<string> lines, int i)
    {
        string line = lines[i];
        if (line.Length == 0 || line.Length > MaxUnnumberedHeadingLength || !char.IsLetter(line[0]))
        {
            return false;
        }

        ReadOnlySpan<char> trimmed = line.AsSpan().TrimEnd();
        if (trimmed.EndsWith('.') || trimmed.EndsWith(',') || trimmed.EndsWith(';') || trimmed.EndsWith(':') || MultiColumn().IsMatch(trimmed) || TocLine().IsMatch(trimmed))
        {
            return false;
        }

        bool blankBefore = i == 0 || string.IsNullOrWhiteSpace(lines[i - 1]);
        bool blankAfter = i + 1 >= lines.Count || string.IsNullOrWhiteSpace(lines[i + 1]);
        return blankBefore && blankAfter;
    }

    private static List<TocEntry> ParseToc(List<string> lines, int start, int end)
    {
        var entries = new List<TocEntry>();
        int lastIndent = -1;
        for (int i = start; i < end; i++)
        {
            string line = lines[i];
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            int indent = line.Length - line.TrimStart().Length;
            string body = line.Trim();
            string? page = null;
            Match paged = TocPage().Match(body);
            if (paged.Success)
            {
                body = paged.Groups["body"].Value.TrimEnd();
                page = paged.Groups["page"].Value;
            }

            // A label such as "RFC:  791" after the table is front matter, not an entry with page 791.
            if (body.EndsWith(':'))
            {
                continue;
            }

            Match numbered = TocNumbered().Match(body);
            if (numbered.Success)
            {
                string number = numbered.Groups["num"].Value.TrimEnd('.', ':').ToUpperInvariant();
                entries.Add(new TocEntry(number, numbered.Groups["title"].Value.Trim(), number.Count(c => c == '.') + 1, page));
                lastIndent = indent;
            }
            else if (entries.Count > 0 && indent > lastIndent && entries[^1].Page is null)
            {
                // A wrapped title: deeper than the entry it continues ("Specifications Obsoleted by This" / "Document").
                TocEntry last = entries[^1];
                entries[^1] = last with { Title = $"{last.Title} {body}", Page = page };
            }
            else
            {
                entries.Add(new TocEntry(null, body, 1, page));
                lastIndent = indent;
            }
        }

        // In a paginated table every real entry has a page; unnumbered page-less lines are stray front matter.
        if (entries.Count(e => e.Page is not null) * 2 > entries.Count)
        {
            entries.RemoveAll(e => e.Page is null && e.Number is null);
        }

        return entries;
    }

    [GeneratedRegex(@"^\s*(?:(?:Appendix|APPENDIX)\s+(?<num>[A-Z](?:\.\d{1,3})*\.?):?|(?<num>\d{1,3}(?:\.\d{1,3})*\.?|[A-Z](?:\.\d{1,3})+\.?|[A-Z]\.))\s+(?<title>\S.*?)\s*$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex NumberedHeading();

    [GeneratedRegex(@"^\s*(?:(?:section|sec\.?|§)\s*|(?:appendix)\s+)?(?<num>\d{1,3}(?:\.\d{1,3})*|[A-Za-z](?:\.\d{1,3})*)\.?\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex NumberQuery();

    // A table-of-contents line: a dot leader, or a gap then a page number at the end.
    [GeneratedRegex(@"(?:\.\s?){3,}|\s{2,}(?:\d+|[ivxlc]+)$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex TocLine();

    [GeneratedRegex(@"^(?<body>.*?\S)\s*(?:\.[\s.]*\.\s*|\s{2,})(?<page>\d{1,4}|[ivxlc]{1,6})$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex TocPage();

    [GeneratedRegex(@"^(?:(?:Appendix|APPENDIX)\s+(?<num>[A-Z](?:\.\d{1,3})*[.:]?)|(?<num>\d{1,3}(?:\.\d{1,3})*\.?|[A-Z](?:\.\d{1,3})+\.?|[A-Z]\.))\s+(?<title>\S.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex TocNumbered();

    [GeneratedRegex(@"\S\s{3,}\S", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex MultiColumn();
}
