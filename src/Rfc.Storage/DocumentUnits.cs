using System.Globalization;
using System.Text.RegularExpressions;
using Rfc.Documents.Sections;
using Rfc.Documents.Text;

namespace Rfc.Storage;

/// <summary>One unit of the full-text index: a page of a paginated RFC, or a section (cut at most every
/// <see cref="DocumentUnits.MaxUnitLines"/> lines) of one without pages.</summary>
/// <param name="ByteStart">Where the unit's bytes start in the stored document.</param>
/// <param name="ByteLength">How many bytes it has.</param>
/// <param name="Page">The page it is (from its <c>[Page N]</c> footer), or null in an RFC without pages.</param>
/// <param name="Text">The unit's text, decoded from exactly those bytes (as a search decodes them again).</param>
internal sealed record IndexUnit(int ByteStart, int ByteLength, int? Page, string Text);

/// <summary>A heading, recorded at index time so a hit's section is a lookup.</summary>
/// <param name="Unit">The index of the unit it is in.</param>
/// <param name="Offset">The character offset of its line in that unit's text.</param>
/// <param name="Text">The heading as shown (<c>8.8.3. Last-Modified</c>).</param>
internal sealed record IndexHeading(int Unit, int Offset, string Text);

/// <summary>
/// Cuts a stored document into index units along line boundaries of its bytes, and finds its headings. A unit's
/// text is the decoding of its own bytes, so a search reads and decodes only the unit it shows, never the
/// whole document. (UTF-8 and Windows-1252 both keep LF as the byte 0x0A, so a cut at a line is a cut
/// between characters.)
/// </summary>
internal static partial class DocumentUnits
{
    /// <summary>
    /// The longest unit in an RFC without pages: a long section is cut here so a snippet still reads only a
    /// few kilobytes (a paginated page is 58 lines).
    /// </summary>
    public const int MaxUnitLines = 120;

    /// <summary>Units per document: the unit's index is the low 16 bits of its row id.</summary>
    public const int MaxUnits = 1 << 16;

    /// <summary>How far ahead a pagination-removed line is looked for among the original lines.</summary>
    private const int AlignWindow = 400;

    /// <summary>The row id of unit <paramref name="unit"/> of RFC <paramref name="number"/>.</summary>
    public static long UnitId(int number, int unit) => ((long)number << 16) | (uint)unit;

    /// <summary>The RFC number in a unit's row id.</summary>
    public static int NumberOf(long unitId) => (int)(unitId >> 16);

    /// <summary>Splits <paramref name="content"/> into units and finds its headings.</summary>
    public static (List<IndexUnit> Units, List<IndexHeading> Headings) Split(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        List<int> starts = [0];
        for (int i = content.AsSpan().IndexOf((byte)'\n'); i >= 0 && i + 1 < content.Length; i = content.AsSpan(i + 1).IndexOf((byte)'\n') is int next and >= 0 ? i + 1 + next : -1)
        {
            starts.Add(i + 1);
        }

        string text = RfcTextDecoder.Decode(content);
        List<string> lines = RfcPagination.SplitLines(text);
        if (lines.Count != starts.Count || lines.Count == 0)
        {
            // Not line-aligned (cannot happen for the encodings the decoder knows): one unit, no headings.
            return ([new IndexUnit(0, content.Length, null, text)], []);
        }

        // Unit boundaries: after every page footer, else before every heading and every MaxUnitLines lines.
        RfcOutline parsed = RfcOutline.Parse(lines);
        int[] headingLines = AlignHeadings(lines, parsed);
        List<(int FirstLine, int? Page)> cuts = [];
        bool paginated = false;
        for (int i = 0; i < lines.Count; i++)
        {
            // The regex only where a footer can be: most lines have no '[' at all.
            if (lines[i].Contains('[', StringComparison.Ordinal) && Footer().Match(lines[i]) is { Success: true } footer)
            {
                paginated = true;
                int? page = footer.Groups["page"].Success ? int.Parse(footer.Groups["page"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture) : null;
                cuts.Add((i + 1, page));
            }
        }

        List<(int First, int End, int? Page)> ranges = [];
        if (paginated)
        {
            int first = 0;
            int? lastPage = null;
            foreach ((int end, int? page) in cuts)
            {
                ranges.Add((first, end, page));
                lastPage = page ?? lastPage;
                first = end;
            }

            if (first < lines.Count)
            {
                ranges.Add((first, lines.Count, lastPage + 1));
            }

            // A footer with a roman page number (front matter) takes the page of the next numbered one, as
            // RfcTextLocator does.
            for (int r = ranges.Count - 2; r >= 0; r--)
            {
                if (ranges[r].Page is null)
                {
                    ranges[r] = ranges[r] with { Page = ranges[r + 1].Page };
                }
            }
        }
        else
        {
            HashSet<int> headingStarts = [.. headingLines];
            int first = 0;
            for (int i = 1; i < lines.Count; i++)
            {
                if (headingStarts.Contains(i) || i - first >= MaxUnitLines)
                {
                    ranges.Add((first, i, null));
                    first = i;
                }
            }

            ranges.Add((first, lines.Count, null));
        }

        while (ranges.Count > MaxUnits)
        {
            ranges[^2] = (ranges[^2].First, ranges[^1].End, ranges[^2].Page);
            ranges.RemoveAt(ranges.Count - 1);
        }

        List<IndexUnit> units = new(ranges.Count);
        int[] unitOfLine = new int[lines.Count];
        foreach ((int first, int end, int? page) in ranges)
        {
            int byteStart = starts[first];
            int byteEnd = end < starts.Count ? starts[end] : content.Length;
            units.Add(new IndexUnit(byteStart, byteEnd - byteStart, page, RfcTextDecoder.Decode(content.AsSpan(byteStart, byteEnd - byteStart))));
            unitOfLine.AsSpan(first, end - first).Fill(units.Count - 1);
        }

        List<IndexHeading> headings = new(headingLines.Length);
        for (int h = 0; h < headingLines.Length; h++)
        {
            int line = headingLines[h];
            int unit = unitOfLine[line];
            headings.Add(new IndexHeading(unit, OffsetOfLine(units[unit].Text, line - ranges[unit].First), parsed.Headings[h].ToString()));
        }

        return (units, headings);
    }

    /// <summary>
    /// The original line of each heading. Pagination removal keeps content lines verbatim and in order (it only
    /// drops footers, headers and padding, and may add a blank line), so the pagination-removed lines are walked
    /// against the original ones, a non-blank line matching the next equal original line.
    /// </summary>
    private static int[] AlignHeadings(List<string> lines, RfcOutline parsed)
    {
        IReadOnlyList<string> clean = parsed.Lines;
        int[] result = new int[parsed.Headings.Count];
        int h = 0;
        int o = 0;
        for (int c = 0; c < clean.Count && h < result.Length; c++)
        {
            int at = o > 0 ? o - 1 : 0;
            if (!string.IsNullOrWhiteSpace(clean[c]))
            {
                for (int k = o; k < lines.Count && k < o + AlignWindow; k++)
                {
                    if (string.Equals(lines[k], clean[c], StringComparison.Ordinal)
                        || (lines[k].Contains('\f', StringComparison.Ordinal) && lines[k].StartsWith(clean[c], StringComparison.Ordinal)))
                    {
                        at = k;
                        o = k + 1;
                        break;
                    }
                }
            }

            while (h < result.Length && parsed.Headings[h].Line == c)
            {
                result[h++] = Math.Min(at, lines.Count - 1);
            }
        }

        for (; h < result.Length; h++)
        {
            result[h] = lines.Count - 1;
        }

        return result;
    }

    private static int OffsetOfLine(string text, int line)
    {
        int offset = 0;
        for (int i = 0; i < line && offset >= 0; i++)
        {
            int next = text.IndexOf('\n', offset);
            offset = next < 0 ? text.Length : next + 1;
        }

        return Math.Min(offset, text.Length);
    }

    // As RfcPagination's footer ("Fielding, et al.   Standards Track   [Page 7]", or "[Page 2]" alone), with the
    // page number captured when it is decimal.
    [GeneratedRegex(@"^(?:\S.*\s{2,}|\s*)\[Page\s+(?:(?<page>\d{1,5})|[ivxlcdm]+)\]\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Footer();
}
