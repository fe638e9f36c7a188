using System.Text;
using Rfc.Documents;
using Rfc.Documents.Errata;
using Rfc.Documents.Index;
using Rfc.Served;

namespace Rfc.Serve.Reader;

/// <summary><c>/rfc/N</c>: the text with its links and anchors, and a side panel with the RFC's status and contents.</summary>
internal static class DocumentPage
{
    public static byte[] Render(RfcNumber number, string text, RfcInfo? info, IReadOnlyList<ErrataRecord> errata)
    {
        RenderedDocument document = DocumentRenderer.Render(text);
        Dictionary<string, int> errataBySection = new(StringComparer.Ordinal);
        foreach (ErrataRecord erratum in errata)
        {
            foreach (string section in ErrataSections.Parse(erratum.Section))
            {
                errataBySection[section] = errataBySection.GetValueOrDefault(section) + 1;
            }
        }

        string title = info is null ? $"RFC {number.Value}" : $"RFC {number.Value}: {info.Entry.Title}";
        return Layout.Page(title, "", html =>
        {
            html.Append("<div class=\"reader\"><aside class=\"panel\" id=\"panel\">");
            html.Append("<h1>RFC ").Append(number.Value).Append("</h1>");
            if (info is not null)
            {
                RfcIndexEntry entry = info.Entry;
                html.Append("<p class=\"doctitle\">").AppendEscaped(entry.Title).Append("</p><dl class=\"facts\">");
                html.Append("<dt>Status</dt><dd class=\"status\">").AppendEscaped(entry.CurrentStatus.Text).Append("</dd>");
                if (entry.Date is RfcDate date)
                {
                    html.Append("<dt>Date</dt><dd>").AppendEscaped(date.ToString()).Append("</dd>");
                }

                Relations(html, "Obsoletes", info.Of(RfcRelationKind.Obsoletes));
                Relations(html, "Obsoleted by", info.Of(RfcRelationKind.ObsoletedBy));
                Relations(html, "Updates", info.Of(RfcRelationKind.Updates));
                Relations(html, "Updated by", info.Of(RfcRelationKind.UpdatedBy));
                Errata(html, number, errata);
                html.Append("</dl>");
            }

            html.Append("<p class=\"links\"><a href=\"/rfc/").Append(number.Value).Append("/info\">Info and lineage</a> · ")
                .Append("<a href=\"/rfc/rfc").Append(number.Value).Append(".txt\">Plain text</a></p>");
            html.Append("<details id=\"contents\" open><summary>Contents <kbd>t</kbd></summary><ol class=\"toc\">");
            foreach ((string? entryNumber, string entryTitle, int level, string? anchor) in document.Contents)
            {
                html.Append("<li class=\"l").Append(Math.Clamp(level, 1, 6)).Append("\">");
                string label = entryNumber is null ? entryTitle : $"{entryNumber}. {entryTitle}";
                if (anchor is null)
                {
                    html.Append("<span>").AppendEscaped(label).Append("</span>");
                }
                else
                {
                    html.Append("<a href=\"#").AppendEscaped(anchor).Append("\">").AppendEscaped(label).Append("</a>");
                }

                // A marker beside each section that errata are reported against, so a reader knows before trusting it.
                if (entryNumber is not null && errataBySection.TryGetValue(entryNumber.TrimEnd('.').ToUpperInvariant(), out int count))
                {
                    html.Append(" <span class=\"erratum\" title=\"").Append(count).Append(count == 1 ? " erratum" : " errata")
                        .Append(" for this section (rfc errata ").Append(number.Value).Append(")\">").Append(count).Append(count == 1 ? " erratum" : " errata").Append("</span>");
                }

                html.Append("</li>");
            }

            html.Append("</ol></details></aside>\n<main class=\"doc\">");
            if (info is { CurrentVersions.Count: > 0 })
            {
                html.Append("<p class=\"banner obsolete\" role=\"note\">RFC ").Append(number.Value).Append(" is obsolete. The current ")
                    .Append(info.CurrentVersions.Count == 1 ? "document is " : "documents are ").AppendRfcList(info.CurrentVersions).Append(".</p>");
            }
            else if (info is not null && info.Of(RfcRelationKind.ObsoletedBy).Count > 0)
            {
                html.Append("<p class=\"banner obsolete\" role=\"note\">RFC ").Append(number.Value).Append(" is obsolete.</p>");
            }

            html.Append(document.Body).Append("</main></div>");
        }, "document");
    }

    /// <summary>The errata count by status in the facts list, as <c>rfc info</c> gives it.</summary>
    private static void Errata(StringBuilder html, RfcNumber number, IReadOnlyList<ErrataRecord> errata)
    {
        if (errata.Count == 0)
        {
            return;
        }

        html.Append("<dt>Errata</dt><dd class=\"errata\" title=\"rfc errata ").Append(number.Value).Append("\">");
        string[] parts = [.. errata.GroupBy(e => e.StatusText).Select(g => $"{g.Count()} {g.Key.ToLowerInvariant()}")];
        html.AppendEscaped(string.Join(", ", parts)).Append("</dd>");
    }

    private static void Relations(StringBuilder html, string label, IReadOnlyList<RfcRelation> relations)
    {
        if (relations.Count == 0)
        {
            return;
        }

        html.Append("<dt>").AppendEscaped(label).Append("</dt><dd>");
        for (int i = 0; i < relations.Count; i++)
        {
            if (i > 0)
            {
                html.Append(", ");
            }

            DocId target = relations[i].Target;
            if (target.IsRfc)
            {
                html.Append("<a href=\"/rfc/").Append(target.Number).Append('"');
                if (relations[i].Title is string t)
                {
                    html.Append(" title=\"").AppendEscaped(t).Append('"');
                }

                html.Append(">RFC ").Append(target.Number).Append("</a>");
            }
            else
            {
                html.AppendEscaped(target.ToString());
            }
        }

        html.Append("</dd>");
    }
}
