using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Rfc.Documents;
using Rfc.Documents.Sections;
using SectionedText = Rfc.Documents.Sections.RfcOutline;

namespace Rfc.Serve.Reader;

/// <summary>
/// Renders an RFC's text as HTML the way the RFC Editor's pages do, so links people already have keep working:
/// headings get <c>#section-8.8.3</c> / <c>#appendix-A.1</c>, pages <c>#page-12</c> (a thin rule where the form feed
/// was), reference entries <c>#ref-RFC2119</c> and <c>#RFC2119</c>. In the text, every "RFC nnnn" links to that RFC,
/// every "Section x.y" to the section (in this document, or in the RFC named by "of RFC nnnn" or "of [LABEL]"), and
/// every reference label to its entry. The layout is the text's own: one <c>&lt;pre&gt;</c>, every character escaped.
/// </summary>
internal static partial class DocumentRenderer
{
    /// <summary>How many lines after a reference label are searched for the RFC number it cites.</summary>
    private const int MaxReferenceLines = 8;

    public static RenderedDocument Render(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        List<string> lines = RfcPagination.SplitLines(text);
        SectionedText document = SectionedText.Parse(text);
        Dictionary<int, (RfcHeading Heading, string? Anchor)> headings = MapHeadings(lines, document);
        int referencesStart = headings.Where(h => ReferencesTitle().IsMatch(h.Value.Heading.Title)).Select(h => h.Key).DefaultIfEmpty(int.MaxValue).Min();
        Dictionary<string, RfcNumber?> references = FindReferences(lines, referencesStart);

        StringBuilder html = new(text.Length + text.Length / 4);
        HashSet<string> ids = new(StringComparer.Ordinal);
        html.Append("<pre class=\"rfc\" id=\"text\"><span class=\"page\" id=\"page-1\"></span>");
        ids.Add("page-1");
        int page = 1;
        for (int i = 0; i < lines.Count; i++)
        {
            string line = lines[i];
            int formFeed = line.IndexOf('\f', StringComparison.Ordinal);
            while (formFeed >= 0)
            {
                AppendLinked(html, line.AsSpan(0, formFeed), references, ids, i >= referencesStart);
                page++;
                string id = $"page-{page.ToString(CultureInfo.InvariantCulture)}";
                html.Append("<span class=\"page\"").Append(ids.Add(id) ? $" id=\"{id}\"" : "").Append("></span>");
                line = line[(formFeed + 1)..];
                formFeed = line.IndexOf('\f', StringComparison.Ordinal);
            }

            if (headings.TryGetValue(i, out (RfcHeading Heading, string? Anchor) heading))
            {
                AppendHeading(html, line, heading.Heading, heading.Anchor is string a && ids.Add(a) ? a : null);
            }
            else
            {
                AppendLinked(html, line, references, ids, i >= referencesStart);
            }

            html.Append('\n');
        }

        html.Append("</pre>");
        List<(string?, string, int, string?)> contents = [.. document.TableOfContents.Select(t => (t.Number, t.Title, t.Level, Anchor(t.Number)))];
        return new RenderedDocument(html.ToString(), contents);
    }

    /// <summary>The RFC Editor's anchor for a section number: <c>section-8.8.3</c>, <c>appendix-A.1</c>.</summary>
    public static string? Anchor(string? number) =>
        string.IsNullOrEmpty(number) ? null : char.IsAsciiLetter(number[0]) ? $"appendix-{number}" : $"section-{number}";

    /// <summary>
    /// Finds each heading of the paginated-away text again in the raw lines: pagination removal only drops lines
    /// (and restores blank ones), so the headings appear in the same order, verbatim.
    /// </summary>
    private static Dictionary<int, (RfcHeading, string?)> MapHeadings(List<string> lines, SectionedText document)
    {
        Dictionary<int, (RfcHeading, string?)> found = [];
        int next = 0;
        foreach (RfcHeading heading in document.Headings)
        {
            string wanted = document.Lines[heading.Line];
            for (int i = next; i < lines.Count; i++)
            {
                if (string.Equals(lines[i], wanted, StringComparison.Ordinal))
                {
                    found[i] = (heading, Anchor(heading.Number));
                    next = i + 1;
                    break;
                }
            }
        }

        return found;
    }

    /// <summary>Reference entries (<c>[RFC2119]</c>, <c>[HTTP]</c> at the start of a line in the references) and the RFC each cites.</summary>
    private static Dictionary<string, RfcNumber?> FindReferences(List<string> lines, int start)
    {
        Dictionary<string, RfcNumber?> references = new(StringComparer.Ordinal);
        for (int i = start; i < lines.Count; i++)
        {
            Match entry = ReferenceEntry().Match(lines[i]);
            if (!entry.Success)
            {
                continue;
            }

            string label = entry.Groups["label"].Value;
            RfcNumber? cited = RfcLabel().Match(label) is { Success: true } own && RfcNumber.TryParse(own.Groups["n"].Value, out RfcNumber n) ? n : null;
            for (int j = i; cited is null && j < Math.Min(lines.Count, i + MaxReferenceLines); j++)
            {
                if (j > i && (string.IsNullOrWhiteSpace(lines[j]) || ReferenceEntry().IsMatch(lines[j])))
                {
                    break;
                }

                if (RfcMention().Match(lines[j]) is { Success: true } mention && RfcNumber.TryParse(mention.Groups["n"].Value, out RfcNumber m))
                {
                    cited = m;
                }
            }

            references.TryAdd(label, cited);
        }

        return references;
    }

    private static void AppendHeading(StringBuilder html, string line, RfcHeading heading, string? anchor)
    {
        int level = Math.Clamp(heading.Level + 1, 2, 6);
        html.Append("<span class=\"h h").Append(level).Append('"');
        if (anchor is null)
        {
            html.Append('>').AppendEscaped(line).Append("</span>");
            return;
        }

        html.Append(" id=\"").AppendEscaped(anchor).Append("\">");
        // The number (or "Appendix A") is the self-link, as on the RFC Editor's pages.
        int indent = line.Length - line.TrimStart().Length;
        string rest = line[indent..];
        int split = rest.IndexOf(heading.Title, StringComparison.Ordinal);
        if (split <= 0)
        {
            split = rest.Length;
        }

        string number = rest[..split].TrimEnd();
        html.Append(line.AsSpan(0, indent))
            .Append("<a class=\"selflink\" href=\"#").AppendEscaped(anchor).Append("\">").AppendEscaped(number).Append("</a>")
            .AppendEscaped(rest.AsSpan(number.Length))
            .Append("</span>");
    }

    private static void AppendLinked(StringBuilder html, ReadOnlySpan<char> line, Dictionary<string, RfcNumber?> references, HashSet<string> ids, bool inReferences)
    {
        if (line.IsEmpty)
        {
            return;
        }

        string text = line.ToString();
        int done = 0;
        if (inReferences && ReferenceEntry().Match(text) is { Success: true } entry)
        {
            // The entry itself: both anchors people link to, the label linking on to the RFC it cites.
            Group label = entry.Groups["label"];
            html.AppendEscaped(text.AsSpan(0, label.Index - 1));
            string refId = $"ref-{label.Value}";
            bool both = ids.Add(refId) & ids.Add(label.Value);
            html.Append("<span class=\"refentry\"").Append(both ? $" id=\"{HtmlText.Escape(label.Value)}\"" : "").Append('>');
            if (references.GetValueOrDefault(label.Value) is RfcNumber target)
            {
                html.Append("<a").Append(both ? $" id=\"{HtmlText.Escape(refId)}\"" : "").Append(" href=\"/rfc/").Append(target.Value).Append("\">");
            }
            else
            {
                html.Append("<a").Append(both ? $" id=\"{HtmlText.Escape(refId)}\"" : "").Append(" href=\"#").AppendEscaped(refId).Append("\">");
            }

            html.Append('[').AppendEscaped(label.Value).Append("]</a></span>");
            done = label.Index + label.Length + 1;
        }

        foreach (Match match in Mention().Matches(text))
        {
            if (match.Index < done)
            {
                continue;
            }

            html.AppendEscaped(text.AsSpan(done, match.Index - done));
            done = match.Index + match.Length;
            if (match.Groups["rfc"].Success)
            {
                AppendRfcLink(html, match.Value, match.Groups["rfcnum"].Value, fragment: null);
            }
            else if (match.Groups["label"].Success)
            {
                AppendReference(html, match.Value, match.Groups["label"].Value, references);
            }
            else
            {
                AppendSection(html, match, references);
            }
        }

        html.AppendEscaped(text.AsSpan(done));
    }

    private static void AppendSection(StringBuilder html, Match match, Dictionary<string, RfcNumber?> references)
    {
        Group tail = match.Groups["tail"];
        string words = tail.Success ? match.Value[..(tail.Index - match.Index)] : match.Value;
        string? anchor = Anchor(match.Groups["num"].Value);
        if (match.Groups["ofrfc"].Success)
        {
            AppendRfcLink(html, words, match.Groups["ofrfc"].Value, anchor);
            string of = tail.Value;
            int rfcAt = of.LastIndexOf("RFC", StringComparison.Ordinal);
            html.AppendEscaped(of.AsSpan(0, rfcAt));
            AppendRfcLink(html, of[rfcAt..], match.Groups["ofrfc"].Value, fragment: null);
            return;
        }

        if (match.Groups["of"].Success)
        {
            string label = match.Groups["of"].Value;
            if (references.GetValueOrDefault(label) is RfcNumber cited)
            {
                html.Append("<a href=\"/rfc/").Append(cited.Value).Append('#').AppendEscaped(anchor).Append("\">").AppendEscaped(words).Append("</a>");
            }
            else
            {
                html.AppendEscaped(words);
            }

            string of = tail.Value;
            int bracket = of.IndexOf('[', StringComparison.Ordinal);
            html.AppendEscaped(of.AsSpan(0, bracket));
            AppendReference(html, of[bracket..], label, references);
            return;
        }

        html.Append("<a href=\"#").AppendEscaped(anchor).Append("\">").AppendEscaped(words).Append("</a>");
    }

    private static void AppendRfcLink(StringBuilder html, string text, string number, string? fragment)
    {
        if (!RfcNumber.TryParse(number, out RfcNumber rfc))
        {
            html.AppendEscaped(text);
            return;
        }

        html.Append("<a href=\"/rfc/").Append(rfc.Value);
        if (fragment is not null)
        {
            html.Append('#').AppendEscaped(fragment);
        }

        html.Append("\">").AppendEscaped(text).Append("</a>");
    }

    private static void AppendReference(StringBuilder html, string text, string label, Dictionary<string, RfcNumber?> references)
    {
        if (!references.ContainsKey(label))
        {
            html.AppendEscaped(text); // A bracket that is not a reference: "[Page 3]", an array index, an ABNF option.
            return;
        }

        html.Append("<a class=\"ref\" href=\"#ref-").AppendEscaped(label).Append("\">").AppendEscaped(text).Append("</a>");
    }

    // "Section 8.8.3", "Appendix A.1", "Section 3 of [RFC9110]", "Section 3 of RFC 9110"; "RFC 9110", "RFC9110"; "[HTTP]".
    [GeneratedRegex(@"\b(?:Section|Appendix)s?\s(?<num>(?:\d{1,3}|[A-Z])(?:\.\d{1,3})*)\b(?<tail>,?\s(?:of|in)\s(?:\[(?<of>[A-Za-z0-9][^\]\s]{0,39})\]|RFC\s?(?<ofrfc>\d{1,5})\b))?|(?<rfc>\bRFC[\s-]?(?<rfcnum>\d{1,5})\b)|\[(?<label>[A-Za-z0-9][^\]\s]{0,39})\]", RegexOptions.CultureInvariant)]
    private static partial Regex Mention();

    [GeneratedRegex(@"^\s{0,8}\[(?<label>[A-Za-z0-9][^\]\s]{0,39})\](?:\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex ReferenceEntry();

    // "References", "Normative References", "9.  REFERENCES", "Informative references": not "URI References".
    [GeneratedRegex(@"^(?:(?:Normative|Informative)\s+)?References\.?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ReferencesTitle();

    [GeneratedRegex(@"^RFC(?<n>\d{1,5})$", RegexOptions.CultureInvariant)]
    private static partial Regex RfcLabel();

    [GeneratedRegex(@"\bRFC\s?(?<n>\d{1,5})\b", RegexOptions.CultureInvariant)]
    private static partial Regex RfcMention();
}
