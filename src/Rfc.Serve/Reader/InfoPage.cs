using System.Text;
using Rfc.Documents;
using Rfc.Documents.Index;
using Rfc.Served;

namespace Rfc.Serve.Reader;

/// <summary><c>/rfc/N/info</c>: the <c>rfc info</c> view, with the obsoletes / obsoleted-by lineage as a tree.</summary>
internal static class InfoPage
{
    /// <summary>How deep the lineage tree is followed; HTTP's, the longest in practice, is five generations.</summary>
    private const int MaxDepth = 12;

    public static byte[] Render(RfcInfo info, bool stored, Func<RfcNumber, RfcInfo?> lookUp)
    {
        RfcIndexEntry entry = info.Entry;
        return Layout.Page($"RFC {entry.Number.Value} info", "", html =>
        {
            html.Append("<main class=\"info\"><h1>RFC ").Append(entry.Number.Value).Append(": ").AppendEscaped(entry.Title).Append("</h1><dl class=\"facts\">");
            Field(html, "Authors", string.Join(", ", entry.Authors.Select(a => a.Name)));
            Field(html, "Date", entry.Date?.ToString());
            Field(html, "Status", entry.CurrentStatus.Text + (entry.PublicationStatus is RfcStatus p && p != entry.CurrentStatus ? $" (published as {p.Text})" : ""));
            if (info.CurrentVersions.Count > 0)
            {
                html.Append("<dt>Current</dt><dd>").AppendRfcList(info.CurrentVersions).Append("</dd>");
            }

            Field(html, "Stream", entry.Stream);
            Field(html, "Working group", entry.WorkingGroup);
            Field(html, "Pages", entry.PageCount?.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Field(html, "Keywords", string.Join(", ", entry.Keywords));
            Field(html, "DOI", entry.Doi);
            html.Append("</dl><p class=\"links\">");
            if (stored)
            {
                html.Append("<a href=\"/rfc/").Append(entry.Number.Value).Append("\">Read RFC ").Append(entry.Number.Value).Append("</a> · ");
            }

            html.Append("<a href=\"/api/rfc/").Append(entry.Number.Value).Append("\">JSON</a></p>");
            if (entry.Abstract is string text)
            {
                html.Append("<h2>Abstract</h2>");
                foreach (string paragraph in text.Split("\n\n"))
                {
                    html.Append("<p>").AppendEscaped(paragraph).Append("</p>");
                }
            }

            html.Append("<h2>Lineage</h2><ul class=\"tree\"><li><strong>RFC ").Append(entry.Number.Value).Append("</strong> ").AppendEscaped(entry.Title);
            HashSet<DocId> drawn = [DocId.ForRfc(entry.Number)];
            List<(string Label, RfcRelation Relation, RfcRelationKind? Follow)> children = [];
            foreach (RfcRelation relation in info.Relations)
            {
                (string label, RfcRelationKind? follow) = relation.Kind switch
                {
                    RfcRelationKind.Obsoletes => ("obsoletes", RfcRelationKind.Obsoletes),
                    RfcRelationKind.ObsoletedBy => ("obsoleted by", RfcRelationKind.ObsoletedBy),
                    RfcRelationKind.Updates => ("updates", (RfcRelationKind?)null),
                    RfcRelationKind.UpdatedBy => ("updated by", null),
                    _ => ("", null),
                };
                if (label.Length > 0)
                {
                    children.Add((label, relation, follow));
                }
            }

            Children(html, children, drawn, lookUp, 0);
            html.Append("</li></ul></main>");
        }, "info");
    }

    /// <summary>As <c>rfc info --tree</c>: obsoletes followed back, obsoleted-by forward, updates as leaves, each RFC drawn once.</summary>
    private static void Children(StringBuilder html, List<(string Label, RfcRelation Relation, RfcRelationKind? Follow)> children, HashSet<DocId> drawn, Func<RfcNumber, RfcInfo?> lookUp, int depth)
    {
        if (children.Count == 0)
        {
            return;
        }

        html.Append("<ul>");
        foreach ((string label, RfcRelation relation, RfcRelationKind? follow) in children)
        {
            bool first = drawn.Add(relation.Target);
            html.Append("<li><span class=\"rel\">").AppendEscaped(label).Append("</span> ");
            if (relation.Target.IsRfc)
            {
                html.Append("<a href=\"/rfc/").Append(relation.Target.Number).Append("/info\">RFC ").Append(relation.Target.Number).Append("</a>");
            }
            else
            {
                html.AppendEscaped(relation.Target.ToString());
            }

            html.Append(' ').AppendEscaped(relation.Title ?? "");
            if (!first && follow is not null)
            {
                html.Append(" <span class=\"note\">(see above)</span>");
            }

            if (first && follow is RfcRelationKind kind && relation.Target.IsRfc && depth < MaxDepth && lookUp(relation.Target.ToRfcNumber()) is RfcInfo next)
            {
                Children(html, [.. next.Of(kind).Select(r => (label, r, (RfcRelationKind?)kind))], drawn, lookUp, depth + 1);
            }

            html.Append("</li>");
        }

        html.Append("</ul>");
    }

    private static void Field(StringBuilder html, string label, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            html.Append("<dt>").AppendEscaped(label).Append("</dt><dd>").AppendEscaped(value).Append("</dd>");
        }
    }
}
