using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Rfc.Documents.Sections;

namespace Rfc.Documents.References;

/// <summary>
/// Finds a document's reference sections and resolves each entry to an RFC, a BCP/STD group, an Internet-Draft or
/// another recognised document. Pure and linear: pagination is removed first (form feeds, running headers and
/// <c>[Page N]</c> footers, so an entry broken by a page break reads whole), then one pass finds the sections and
/// one pass splits and resolves their entries. Handles what real RFCs and drafts do: <c>Normative</c>/<c>Informative</c>
/// subsections or a single <c>References</c> (centred in old RFCs), labels that are not <c>RFCnnnn</c>
/// (<c>[CACHING]</c>), numeric labels (<c>[1]</c>, <c>1.</c>), unlabelled paragraphs, "RFC" and its number on two
/// lines, draft names and URLs broken at a hyphen, and BCP/STD entries listing several RFCs.
/// </summary>
internal static partial class ReferenceParser
{
    /// <summary>The longest text accepted, in characters: the largest RFC is 1.6 MB; 32 M leaves room for any draft.</summary>
    public const int MaxTextLength = 32 * 1024 * 1024;

    /// <summary>The most characters kept of one entry: a runaway entry (a section misread as one) is cut, not grown without end.</summary>
    public const int MaxEntryLength = 8 * 1024;

    /// <summary>A heading is short; longer lines are prose.</summary>
    private const int MaxHeadingLength = 70;

    /// <summary>A label starts within this many columns; further right, a bracket is inside an entry's text.</summary>
    private const int MaxLabelIndent = 8;

    /// <summary>Columns from which an unnumbered heading counts as centred (old RFCs centre "REFERENCES").</summary>
    private const int MinCentredIndent = 10;

    /// <summary>How many lines from the top a draft's "Intended status:" is looked for.</summary>
    private const int HeaderLines = 60;

    /// <summary>Reads the reference sections of <paramref name="text"/> (decoded RFC or draft text, paginated or not).</summary>
    public static ReferenceList Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxTextLength)
        {
            throw new ReferenceFormatException(string.Create(CultureInfo.InvariantCulture, $"the text is longer than {MaxTextLength / (1024 * 1024)} M characters; that is not an RFC or a draft"));
        }

        List<string> lines = RfcPagination.Remove(RfcPagination.SplitLines(text.TrimStart('\uFEFF')));
        string? intended = null;
        for (int i = 0; i < Math.Min(HeaderLines, lines.Count) && intended is null; i++)
        {
            Match match = IntendedStatus().Match(lines[i]);
            intended = match.Success ? match.Groups["status"].Value.Trim() : null;
        }

        bool found = false;
        bool inside = false;
        ReferenceKind kind = ReferenceKind.Unspecified;
        List<(string Line, ReferenceKind Kind)> body = [];
        foreach (string line in lines)
        {
            if (ReferenceHeading(line) is ReferenceKind heading)
            {
                found = inside = true;
                kind = heading;
                body.Add(("", kind)); // an entry never runs across a heading
                continue;
            }

            if (inside && IsOtherHeading(line))
            {
                inside = false;
                body.Add(("", kind));
                continue;
            }

            if (inside && !IsRule(line))
            {
                body.Add((line, kind));
            }
        }

        return new ReferenceList(found, Split(body), intended);
    }

    /// <summary>The kind of reference section <paramref name="line"/> starts, or null when it is not such a heading.</summary>
    internal static ReferenceKind? ReferenceHeading(string line)
    {
        int indent = Indent(line);
        string trimmed = line.Trim();
        if (trimmed.Length == 0 || trimmed.Length > MaxHeadingLength || DotLeader().IsMatch(trimmed))
        {
            return null;
        }

        Match match = ReferencesTitle().Match(trimmed);
        if (!match.Success)
        {
            return null;
        }

        bool numbered = match.Groups["num"].Success;
        // Numbered headings start at column 0 (a table of contents indents them); unnumbered ones at 0 or centred.
        if (numbered ? indent > 0 : indent > 0 && indent < MinCentredIndent)
        {
            return null;
        }

        string qualifier = match.Groups["kind"].Value.ToUpperInvariant();
        return qualifier switch
        {
            "NORMATIVE" => ReferenceKind.Normative,
            "" => ReferenceKind.Unspecified,
            _ => ReferenceKind.Informative,
        };
    }

    /// <summary>True for a heading that ends the references: a numbered heading, or a known back-matter title, at column 0.</summary>
    private static bool IsOtherHeading(string line)
    {
        if (line.Length == 0 || char.IsWhiteSpace(line[0]) || line[0] == '[' || line.Length > MaxHeadingLength)
        {
            return false;
        }

        if (NumberedHeading().IsMatch(line))
        {
            return !line.Contains(',', StringComparison.Ordinal) && !line.Contains('"', StringComparison.Ordinal);
        }

        return BackMatter().IsMatch(line);
    }

    private static bool IsRule(string line)
    {
        string trimmed = line.Trim();
        return trimmed.Length >= 3 && trimmed.All(c => c is '-' or '=' or '_' or '*');
    }

    private static int Indent(string line)
    {
        int i = 0;
        while (i < line.Length && line[i] == ' ')
        {
            i++;
        }

        return i;
    }

    /// <summary>Splits the section lines into entries: by bracketed labels, else by numbered labels, else by paragraphs.</summary>
    private static List<Reference> Split(List<(string Line, ReferenceKind Kind)> body)
    {
        bool bracketed = body.Any(b => BracketLabel().IsMatch(b.Line));
        bool numbered = !bracketed && body.Count(b => NumberLabel().IsMatch(b.Line)) >= 2;
        List<Reference> references = [];
        string? label = null;
        ReferenceKind kind = ReferenceKind.Unspecified;
        StringBuilder entry = new();

        void Flush()
        {
            if (label is not null || entry.Length > 0)
            {
                string text = entry.ToString().Trim();
                if (text.Length > 0 || !string.IsNullOrEmpty(label))
                {
                    references.Add(Resolve(label ?? "", kind, text));
                }
            }

            label = null;
            entry.Clear();
        }

        foreach ((string line, ReferenceKind lineKind) in body)
        {
            Match match = bracketed ? BracketLabel().Match(line) : numbered ? NumberLabel().Match(line) : Match.Empty;
            if (match.Success)
            {
                Flush();
                label = match.Groups["label"].Value.Trim();
                kind = lineKind;
                Append(entry, match.Groups["rest"].Value);
                continue;
            }

            if (line.Trim().Length == 0)
            {
                // Labelled entries run to the next label (a BCP entry has paragraphs); unlabelled ones to a blank line.
                if (!bracketed && !numbered)
                {
                    Flush();
                }
                else if (lineKind != kind && label is not null)
                {
                    Flush(); // a heading came between
                }

                continue;
            }

            if (!bracketed && !numbered && entry.Length == 0)
            {
                kind = lineKind;
            }

            if ((bracketed || numbered) && label is null)
            {
                continue; // text before the first label: an introduction ("This document cites ...")
            }

            Append(entry, line);
        }

        Flush();
        return references;
    }

    /// <summary>Appends a line, joining words a line break split: a draft name or URL broken after a hyphen or a slash.</summary>
    private static void Append(StringBuilder entry, string line)
    {
        string piece = line.Trim();
        if (piece.Length == 0 || entry.Length >= MaxEntryLength)
        {
            return;
        }

        if (entry.Length > 0)
        {
            int start = entry.Length - 1;
            while (start > 0 && !char.IsWhiteSpace(entry[start - 1]))
            {
                start--;
            }

            string last = entry.ToString(start, entry.Length - start);
            bool broken = (last.EndsWith('-') && (last.Contains("draft-", StringComparison.OrdinalIgnoreCase) || last.Contains("://", StringComparison.Ordinal)))
                || (last.StartsWith("<http", StringComparison.OrdinalIgnoreCase) && !last.EndsWith('>'));
            if (!broken)
            {
                entry.Append(' ');
            }
        }

        entry.Append(piece.AsSpan(0, Math.Min(piece.Length, MaxEntryLength - entry.Length)));
    }

    /// <summary>Resolves one entry from its label and text.</summary>
    internal static Reference Resolve(string label, ReferenceKind kind, string text)
    {
        text = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        // Titles are quoted; an RFC named in a title ("Updates to RFC 7230") is not the document cited.
        string outside = QuotedTitle().Replace(text, " ");
        List<int> rfcs = [];
        foreach (Match m in RfcMention().Matches(outside))
        {
            if (int.TryParse(m.Groups["n"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n is > 0 and <= RfcNumber.MaxValue && !rfcs.Contains(n))
            {
                rfcs.Add(n);
            }
        }

        DocId? series = SeriesMention().Match(outside) is { Success: true } s && DocId.TryParse(s.Value, out DocId sid) ? sid : null;
        DocId? labelSeries = DocId.TryParse(label, out DocId lid) ? lid : null;
        string? draft = DraftName().Match(text) is { Success: true } d ? d.Value.TrimEnd('-', '.').ToLowerInvariant() : null;
        if (draft is null && label.StartsWith("I-D.", StringComparison.OrdinalIgnoreCase) && label.Length > 4)
        {
            draft = "draft-" + label[4..].ToLowerInvariant();
        }

        string? url = Url().Match(text) is { Success: true } u ? u.Value.TrimStart('<').TrimEnd('>', '.', ',') : null;
        Reference Make(ReferenceTargetKind target, DocId? id = null, IReadOnlyList<RfcNumber>? members = null, DocId? aka = null) => new()
        {
            Label = label,
            Kind = kind,
            Target = target,
            Id = id,
            Members = members ?? [],
            AlsoKnownAs = aka,
            Draft = target == ReferenceTargetKind.Draft ? draft : null,
            Url = url,
            Text = text,
        };

        DocId? group = labelSeries is { IsRfc: false } ? labelSeries : series;
        if (group is { IsRfc: false } g && (rfcs.Count >= 2 || (rfcs.Count == 0 && draft is null) || (labelSeries is { IsRfc: false } && rfcs.Count != 1)))
        {
            return Make(ReferenceTargetKind.Subseries, g, [.. rfcs.Select(n => new RfcNumber(n))]);
        }

        bool workInProgress = text.Contains("Work in Progress", StringComparison.OrdinalIgnoreCase) || text.Contains("Internet-Draft", StringComparison.OrdinalIgnoreCase) || text.Contains("Internet Draft", StringComparison.OrdinalIgnoreCase);
        if (draft is not null && workInProgress)
        {
            return Make(ReferenceTargetKind.Draft);
        }

        if (rfcs.Count > 0)
        {
            int chosen = labelSeries is { IsRfc: true } own && rfcs.Contains(own.Number) ? own.Number : rfcs[0];
            return Make(ReferenceTargetKind.Rfc, DocId.ForRfc(new RfcNumber(chosen)), aka: series);
        }

        if (labelSeries is { IsRfc: true } labelled)
        {
            return Make(ReferenceTargetKind.Rfc, labelled);
        }

        if (draft is not null || workInProgress)
        {
            // A draft cited without its name ("Work in Progress", as the RFC Editor wrote them from 2006 to 2010) is
            // still known to be a draft; Draft is then null.
            return Make(ReferenceTargetKind.Draft);
        }

        return url is not null || ExternalDocument().IsMatch(text) ? Make(ReferenceTargetKind.External) : Make(ReferenceTargetKind.Unresolved);
    }

    [GeneratedRegex(@"^(?:(?<num>(?:\d{1,2}|[A-Z])(?:\.\d{1,2})*\.?|Appendix\s+[A-Z]\.?)\s+)?(?:(?<kind>Normative|Informative|Informational|Non-?normative|Other|Additional)\s+)?(?:References?|Bibliography)(?:\s+and\s+(?:Notes|Bibliography))?:?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReferencesTitle();

    [GeneratedRegex(@"\.\s?\.\s?\.|\s\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex DotLeader();

    [GeneratedRegex(@"^(?:\d{1,2}(?:\.\d{1,2})*\.?|[A-Z]\.(?:\d{1,2}\.?)*|Appendix\s+[A-Z]\.?|APPENDIX\s+[A-Z]\.?)\s+[A-Za-z]", RegexOptions.CultureInvariant)]
    private static partial Regex NumberedHeading();

    [GeneratedRegex(@"^(?:Authors?'?s?'?\s+Address(?:es)?|Editors?'?\s+Address(?:es)?|Contributors|Acknowledge?ments?|Full\s+Copyright\s+Statement|Copyright\s+(?:Notice|Statement)|Intellectual\s+Property|Index|Appendix|APPENDIX|Annex|Security\s+Considerations|IANA\s+Considerations|Change\s+Log|Changes\s|Document\s+History|Glossary|AUTHORS?'?\s+ADDRESS|Acknowledgement|Author\s+Information|Contact\s+Information|Notes|Endnotes|Footnotes)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BackMatter();

    [GeneratedRegex(@"^\s{0,8}\[(?<label>[^\[\]]{1,64})\](?<rest>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex BracketLabel();

    [GeneratedRegex(@"^\s{0,8}(?:\((?<label>\d{1,3})\)|(?<label>\d{1,3})[.)])\s+(?<rest>\S.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberLabel();

    [GeneratedRegex("\"[^\"]{0,400}\"", RegexOptions.CultureInvariant)]
    private static partial Regex QuotedTitle();

    [GeneratedRegex(@"\bRFC\s?[-#]?\s?(?<n>\d{1,6})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RfcMention();

    [GeneratedRegex(@"\b(?:BCP|STD|FYI)\s?\d{1,4}\b", RegexOptions.CultureInvariant)]
    private static partial Regex SeriesMention();

    [GeneratedRegex(@"\bdraft-[a-z0-9][a-z0-9._-]{2,200}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DraftName();

    [GeneratedRegex(@"<?(?:https?|ftp)://[^\s<>]{1,500}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Url();

    [GeneratedRegex(@"\b(?:DOI\s?10\.\d|10\.\d{4,9}/|ISBN|ISSN|ISO|IEC|ITU|CCITT|IEEE|W3C|ANSI|NIST|FIPS|ECMA|ETSI|3GPP|IANA|Unicode|OASIS|IEN[-\s]?\d|CACM|Communications of the|Computer Networks|\bv\.\s?\d|Computer Communication Review|Patent|Special Publication|PKCS|RSA Laboratories|Netscape|INCITS|ATM Forum|T11|Dissertation|Ph\.?\s?D|Lecture|Microsoft|Cisco|Sun Microsystems|IBM|Apple|Intel|Internet Society|ISOC|IAB|IESG|IRTF|Broadband Forum|MEF|CableLabs|OMA|GSMA|ANSI|EIA|TIA|JIS|KS|GB/T|SMPTE|ATSC|DVB|NATO|CCSDS|ICAO|ARINC|Bluetooth|Wi-Fi|USB|PCI|Open Group|POSIX|Ecma|IETF|Technical Memo|MIL-STD|NBS|Proceedings|Proc\.|Journal|Transactions|Conference|Symposium|Workshop|University|Press|Thesis|Technical Report|Tech\.? Rep|Vol\.|Volume|pp\.|Addison|Wiley|Springer|Prentice|McGraw|O'Reilly|USENIX|SIGCOMM|ACM|Bell System|Xerox|BBN|DARPA|ARPA|NIC\s?\d|Federal Register|Public Law|ANSI|X\.\d{2,3}|Dept\.|Department)", RegexOptions.CultureInvariant)]
    private static partial Regex ExternalDocument();

    [GeneratedRegex(@"Intended\s+status:\s*(?<status>[A-Za-z][A-Za-z ]{2,40}?)(?:\s{2,}|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IntendedStatus();
}
