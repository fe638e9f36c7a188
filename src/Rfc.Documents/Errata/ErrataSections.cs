using System.Text.RegularExpressions;

namespace Rfc.Documents.Errata;

/// <summary>
/// Reads an erratum's free-text <c>section</c> field into section numbers a document can be searched for:
/// <c>8.8.3</c>, <c>B.1.</c> → <c>B.1</c>, <c>Appendix A</c> → <c>A</c>, <c>5.1, 5.3, 6.1</c> → three,
/// <c>12, pg.34</c> → <c>12</c>, <c>Section 13.2</c> → <c>13.2</c>. <c>GLOBAL</c>, empty and prose give none.
/// </summary>
public static partial class ErrataSections
{
    /// <summary>The longest field read; longer ones are prose, not a section list.</summary>
    private const int MaxFieldLength = 200;

    /// <summary>The section numbers in <paramref name="section"/>, canonical and distinct, in order.</summary>
    public static IReadOnlyList<string> Parse(string? section)
    {
        if (string.IsNullOrWhiteSpace(section) || section.Length > MaxFieldLength)
        {
            return [];
        }

        List<string> numbers = [];
        foreach (string piece in Separator().Split(section))
        {
            Match match = Number().Match(piece);
            if (match.Success)
            {
                string number = match.Groups["num"].Value.TrimEnd('.').ToUpperInvariant();
                if (!numbers.Contains(number, StringComparer.Ordinal))
                {
                    numbers.Add(number);
                }
            }
        }

        return numbers;
    }

    [GeneratedRegex(@",|;|&|\band\b|\s-\s|\s+to\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Separator();

    // A piece starts with an optional "Section"/"Appendix" word, then the number: digits (1, 8.8.3), or an appendix
    // letter with digits (B.1); a bare letter (A) only after "Appendix" or alone, so prose ("A new ...") is not read as
    // one. The number must end the piece or be followed by a dot, space or bracket ("3rd para" is not section 3).
    [GeneratedRegex(@"^\s*(?:(?:sections?|sec\.?|§)\s*)?(?<num>\d{1,2}(?:\.\d{1,3})*\.?|[A-Z](?:\.\d{1,3})+\.?)(?=$|[\s)(:])|^\s*(?:appendix|apdx\.?|app\.)\s*(?<num>(?:\d{1,2}|[A-Z])(?:\.\d{1,3})*\.?)(?=$|[\s)(:])|^\s*(?<num>[A-Z])\.?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Number();
}
