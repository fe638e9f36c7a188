using System.Text.RegularExpressions;

namespace Rfc.Documents.Sections;

/// <summary>
/// Removes the page furniture of the old paginated plain-text format (RFC 7322 §4.1 and its predecessors):
/// the footer line ending <c>[Page N]</c>, the form feed, the running header after it, and the blank lines
/// that pad each page, so a section reads as continuous text. v3 RFCs (RFC 8650 onwards) have none of these
/// and pass through unchanged.
/// </summary>
public static partial class RfcPagination
{
    /// <summary>The most lines a running header takes after a form feed (RFC 791 uses three: date, title, chapter).</summary>
    private const int MaxHeaderLines = 3;

    /// <summary>Splits text into lines on LF, dropping a CR before it.</summary>
    public static List<string> SplitLines(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = new List<string>(text.Split('\n'));
        for (int i = 0; i < lines.Count; i++)
        {
            if (lines[i].EndsWith('\r'))
            {
                lines[i] = lines[i][..^1];
            }
        }

        if (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return lines;
    }

    /// <summary>Returns <paramref name="text"/> without page footers, form feeds, running headers and page padding.</summary>
    public static string Remove(string text) => string.Join('\n', Remove(SplitLines(text)));

    /// <summary>Line form of <see cref="Remove(string)"/>.</summary>
    public static List<string> Remove(IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var output = new List<string>(lines.Count);
        bool afterBreak = false;
        int i = 0;
        while (i < lines.Count)
        {
            string line = lines[i];
            if (IsFooter(line))
            {
                TrimTrailingBlankLines(output);
                afterBreak = true;
                i++;
                continue;
            }

            int formFeed = line.IndexOf('\f', StringComparison.Ordinal);
            if (formFeed >= 0)
            {
                // RFC 542 and others put the form feed at the end of the last line of a page ("1\f"); keep real text before it.
                string before = line[..formFeed];
                if (!string.IsNullOrWhiteSpace(before) && !IsFooter(before) && !IsBarePageNumber(before))
                {
                    EmitContent(output, before, ref afterBreak);
                }

                TrimTrailingBlankLines(output);
                afterBreak = true;
                string after = line[(line.LastIndexOf('\f') + 1)..];
                i = SkipHeader(lines, i + 1, string.IsNullOrWhiteSpace(after) ? null : after);
                continue;
            }

            if (afterBreak && string.IsNullOrWhiteSpace(line))
            {
                i++;
                continue;
            }

            EmitContent(output, line, ref afterBreak);
            i++;
        }

        return output;
    }

    /// <summary>True for a page footer: text, a gap, then <c>[Page N]</c> (roman numerals for front matter), or <c>[Page N]</c> alone far right.</summary>
    /// <remarks>Every footer has a '[': the (slower) regex runs only on the few lines that have one.</remarks>
    internal static bool IsFooter(string line) => line.Contains('[', StringComparison.Ordinal) && Footer().IsMatch(line);

    private static bool IsBarePageNumber(string text) => BarePageNumber().IsMatch(text);

    /// <summary>Skips the running header after a form feed; returns the index of the first line after it.</summary>
    private static int SkipHeader(IReadOnlyList<string> lines, int i, string? headerOnFormFeedLine)
    {
        if (headerOnFormFeedLine is not null)
        {
            // "\fRFC 1661   Point-to-Point Protocol   July 1994": the header shares the form feed's line.
            return i;
        }

        while (i < lines.Count && string.IsNullOrWhiteSpace(lines[i]) && !lines[i].Contains('\f', StringComparison.Ordinal))
        {
            i++;
        }

        if (i >= lines.Count || !LooksLikeHeader(lines[i]))
        {
            return i;
        }

        int taken = 0;
        while (i < lines.Count && taken < MaxHeaderLines && !string.IsNullOrWhiteSpace(lines[i]) && !IsFooter(lines[i]) && !lines[i].Contains('\f', StringComparison.Ordinal))
        {
            i++;
            taken++;
        }

        return i;
    }

    /// <summary>A running header: <c>RFC 2616 ... June 1999</c>, a multi-column line, a short right-aligned one, or a date alone (<c>September 1981</c>).</summary>
    private static bool LooksLikeHeader(string line) =>
        line.StartsWith("RFC ", StringComparison.Ordinal)
        || line.StartsWith("RFC-", StringComparison.Ordinal)
        || MultiColumn().IsMatch(line)
        || (line.Length - line.TrimStart().Length >= 20 && line.Trim().Length <= 30)
        || DateLine().IsMatch(line);

    private static void EmitContent(List<string> output, string line, ref bool afterBreak)
    {
        if (afterBreak)
        {
            afterBreak = false;

            // A page break drops the blank lines around it, which may have been a paragraph break too. Restore one
            // when the page ended a sentence or a heading, or the new page starts with one; join mid-paragraph breaks.
            string? previous = output.Count > 0 ? output[^1] : null;
            if (previous is not null && !string.IsNullOrWhiteSpace(previous))
            {
                string trimmed = previous.TrimEnd();
                bool endsBlock = trimmed.EndsWith('.') || trimmed.EndsWith(':') || !char.IsWhiteSpace(previous[0]) || !char.IsWhiteSpace(line.Length > 0 ? line[0] : ' ');
                if (endsBlock)
                {
                    output.Add("");
                }
            }
        }

        output.Add(line);
    }

    private static void TrimTrailingBlankLines(List<string> output)
    {
        while (output.Count > 0 && string.IsNullOrWhiteSpace(output[^1]))
        {
            output.RemoveAt(output.Count - 1);
        }
    }

    // "Fielding, et al.   Standards Track   [Page 7]", or "[Page 2]" alone at either margin (RFC 791's even and odd pages).
    [GeneratedRegex(@"^(?:\S.*\s{2,}|\s*)\[Page\s+(?:\d+|[ivxlcdm]+)\]\s*$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking | RegexOptions.IgnoreCase)]
    private static partial Regex Footer();

    [GeneratedRegex(@"^\s*(?:-\s*)?\d{1,4}(?:\s*-)?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex BarePageNumber();

    [GeneratedRegex(@"^\s*(?:\d{1,2}\s+)?[A-Z][a-z]+\s+\d{4}\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex DateLine();

    [GeneratedRegex(@"\S\s{3,}\S", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex MultiColumn();
}
