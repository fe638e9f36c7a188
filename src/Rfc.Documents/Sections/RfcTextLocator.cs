using System.Globalization;
using System.Text.RegularExpressions;

namespace Rfc.Documents.Sections;

/// <summary>
/// Finds the page and section of a character position in an RFC's decoded text (not pagination-removed), for
/// search results. The page comes from the footers: a page ends with its <c>[Page N]</c> line, so a position is on
/// the page of the first footer after it. The section is the nearest <see cref="RfcOutline"/> heading before it,
/// found by mapping the position's line into the pagination-removed lines (content lines are kept verbatim there).
/// </summary>
internal static partial class RfcTextLocator
{
    /// <summary>
    /// Locates <paramref name="offset"/> in <paramref name="text"/>, parsing the headings of the text up to the end of
    /// the offset's line only: what comes after cannot change the heading before it, and a search shows up to 20 hits
    /// in documents of up to 1.6 MB.
    /// </summary>
    public static RfcLocation Locate(string text, int offset)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(offset, text.Length);
        int lineEnd = text.IndexOf('\n', offset);
        return Locate(text, RfcOutline.Parse(lineEnd < 0 ? text : text[..(lineEnd + 1)]), offset);
    }

    /// <summary>Locates <paramref name="offset"/> in <paramref name="text"/>, whose parsed form is <paramref name="document"/>.</summary>
    public static RfcLocation Locate(string text, RfcOutline document, int offset)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(document);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(offset, text.Length);

        List<string> lines = RfcPagination.SplitLines(text);
        int hitLine = text.AsSpan(0, offset).Count('\n');
        return new RfcLocation(PageOf(lines, hitLine), HeadingOf(lines, document, Math.Min(hitLine, lines.Count - 1)));
    }

    private static int? PageOf(List<string> lines, int hitLine)
    {
        int? lastPage = null;
        for (int i = 0; i < lines.Count; i++)
        {
            if (!RfcPagination.IsFooter(lines[i]) || FooterNumber().Match(lines[i]) is not { Success: true } match)
            {
                continue;
            }

            int page = int.Parse(match.Groups["page"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);
            if (i >= hitLine)
            {
                return page;
            }

            lastPage = page;
        }

        // Past the last footer (a last page without one): the page after it.
        return lastPage + 1;
    }

    private static RfcHeading? HeadingOf(List<string> lines, RfcOutline document, int hitLine)
    {
        if (hitLine < 0)
        {
            return null;
        }

        // A line the pagination removal dropped (a running header) is placed by the nearest content line before it.
        for (int candidate = hitLine; candidate >= 0; candidate--)
        {
            string line = lines[candidate];
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            int occurrence = 0;
            for (int i = 0; i < candidate; i++)
            {
                if (string.Equals(lines[i], line, StringComparison.Ordinal))
                {
                    occurrence++;
                }
            }

            int cleanLine = FindOccurrence(document.Lines, line, occurrence);
            if (cleanLine >= 0)
            {
                return document.Headings.LastOrDefault(h => h.Line <= cleanLine);
            }
        }

        return null;
    }

    /// <summary>The index of the <paramref name="occurrence"/>-th copy of <paramref name="line"/> (or the last copy when there are fewer); -1 when none.</summary>
    private static int FindOccurrence(IReadOnlyList<string> lines, string line, int occurrence)
    {
        int last = -1;
        int seen = 0;
        for (int i = 0; i < lines.Count; i++)
        {
            if (string.Equals(lines[i], line, StringComparison.Ordinal))
            {
                if (seen++ == occurrence)
                {
                    return i;
                }

                last = i;
            }
        }

        return last;
    }

    [GeneratedRegex(@"\[Page\s+(?<page>\d{1,5})\]", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex FooterNumber();
}
