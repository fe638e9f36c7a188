using Rfc.Documents.Sections;

namespace Rfc.Documents.Errata;

/// <summary>
/// Where each erratum goes in a document's text: after the section it names (or, in a paginated document, after the
/// page on which that section ends, so pages stay whole). Errata about the whole document (<c>GLOBAL</c>), with no
/// section, or naming a section the document does not have are <see cref="Unplaced"/>, for the end.
/// </summary>
public sealed class ErrataPlacement
{
    /// <summary>How far ahead a line of the unpaginated text is looked for in the original (page furniture between).</summary>
    private const int MaxMappingGap = 16;

    private ErrataPlacement(SortedDictionary<int, List<ErrataRecord>> after, List<ErrataRecord> unplaced)
    {
        After = after;
        Unplaced = unplaced;
    }

    /// <summary>Errata by the index of the line (in the lines given) after which they go, in document order.</summary>
    public SortedDictionary<int, List<ErrataRecord>> After { get; }

    /// <summary>Errata that could not be placed, in the order given.</summary>
    public List<ErrataRecord> Unplaced { get; }

    /// <summary>
    /// Places <paramref name="errata"/> (in the order wanted within one place) in <paramref name="lines"/>, a document's
    /// lines as printed (paginated or not). With <paramref name="within"/>, only errata of that section and its
    /// subsections are placed; others naming a section are left out, and the unplaceable ones still go to the end.
    /// </summary>
    public static ErrataPlacement Place(IReadOnlyList<string> lines, IReadOnlyList<ErrataRecord> errata, string? within = null)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(errata);
        List<string> flat = RfcPagination.Remove(lines);
        RfcOutline document = RfcOutline.Parse(string.Join('\n', flat));
        int[] map = MapLines(document.Lines, lines);
        bool paginated = lines.Any(l => l.Contains('\f', StringComparison.Ordinal));
        string? scope = within is null ? null : RfcOutline.NormaliseNumber(within);

        SortedDictionary<int, List<ErrataRecord>> after = [];
        List<ErrataRecord> unplaced = [];
        foreach (ErrataRecord record in errata)
        {
            int? at = null;
            bool elsewhere = false;
            foreach (string number in ErrataSections.Parse(record.IsGlobal ? null : record.Section))
            {
                if (scope is not null && !InScope(number, scope))
                {
                    elsewhere = true;
                    continue;
                }

                RfcHeading? heading = document.Headings.FirstOrDefault(h => string.Equals(h.Number, number, StringComparison.OrdinalIgnoreCase));
                if (heading is null)
                {
                    continue;
                }

                int end = SectionEnd(document, heading);
                int line = map[end];
                at = paginated ? PageEnd(lines, line) : line;
                break;
            }

            if (at is int index)
            {
                if (!after.TryGetValue(index, out List<ErrataRecord>? list))
                {
                    after[index] = list = [];
                }

                list.Add(record);
            }
            else if (!elsewhere)
            {
                unplaced.Add(record);
            }
        }

        return new ErrataPlacement(after, unplaced);
    }

    private static bool InScope(string number, string scope) =>
        number.Equals(scope, StringComparison.OrdinalIgnoreCase) || number.StartsWith(scope + ".", StringComparison.OrdinalIgnoreCase);

    /// <summary>The last non-blank line of the section <paramref name="heading"/> starts (unpaginated line index).</summary>
    private static int SectionEnd(RfcOutline document, RfcHeading heading)
    {
        int end = document.Lines.Count;
        bool past = false;
        foreach (RfcHeading next in document.Headings)
        {
            if (past && next.Level <= heading.Level)
            {
                end = next.Line;
                break;
            }

            past |= ReferenceEquals(next, heading);
        }

        int last = end - 1;
        while (last > heading.Line && string.IsNullOrWhiteSpace(document.Lines[last]))
        {
            last--;
        }

        return Math.Max(last, heading.Line);
    }

    /// <summary>The footer line (<c>[Page N]</c>) ending the page that holds <paramref name="line"/>, or the line before the next form feed.</summary>
    private static int PageEnd(IReadOnlyList<string> lines, int line)
    {
        for (int i = line; i < lines.Count; i++)
        {
            if (lines[i].Contains('\f', StringComparison.Ordinal))
            {
                int end = i - 1;
                while (end > line && string.IsNullOrWhiteSpace(lines[end]))
                {
                    end--;
                }

                return end;
            }
        }

        return line;
    }

    /// <summary>For each unpaginated line, the index of the same line in the original (pagination only removes lines).</summary>
    private static int[] MapLines(IReadOnlyList<string> flat, IReadOnlyList<string> original)
    {
        int[] map = new int[flat.Count];
        int j = 0;
        for (int i = 0; i < flat.Count; i++)
        {
            int found = -1;
            for (int k = j; k < original.Count && k <= j + MaxMappingGap; k++)
            {
                if (string.Equals(original[k], flat[i], StringComparison.Ordinal))
                {
                    found = k;
                    break;
                }
            }

            if (found >= 0)
            {
                j = found + 1;
            }

            map[i] = Math.Min(found >= 0 ? found : j, original.Count - 1);
        }

        return map;
    }
}
