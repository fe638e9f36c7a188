using System.Text;
using System.Text.RegularExpressions;
using Rfc.Served;

namespace Rfc.Serve.Reader;

/// <summary><c>/</c>: the search box, and for a query the index results and the full-text results with snippets.</summary>
internal static partial class SearchPage
{
    public static byte[] Render(string query, ServedSearch<RfcSearchHit>? index, ServedSearch<RfcTextHit>? text, int documents, bool hasIndex)
    {
        string title = query.Length == 0 ? "rfc: search the library" : $"{query}: rfc search";
        return Layout.Page(title, query, html =>
        {
            html.Append("<main class=\"search-page\">");
            if (query.Length == 0)
            {
                html.Append("<h1>The RFC library</h1><p class=\"lead\">")
                    .Append(documents).Append(documents == 1 ? " document" : " documents").Append(" stored")
                    .Append(hasIndex ? ", the RFC index synced." : "; no index synced (run <code>rfc sync</code> on this machine).")
                    .Append("</p><p>Search titles, authors and abstracts in the index, and the full text of every stored document. Open a document with <a href=\"/rfc/9110\">/rfc/9110</a>. Press <kbd>/</kbd> to search.</p>");
            }
            else
            {
                IndexResults(html, index);
                TextResults(html, text);
            }

            html.Append("</main>");
        }, "search");
    }

    private static void IndexResults(StringBuilder html, ServedSearch<RfcSearchHit>? index)
    {
        html.Append("<section class=\"results\" id=\"index-results\"><h2>In the index</h2>");
        if (index?.Error is string error)
        {
            html.Append("<p class=\"note\">").AppendEscaped(error).Append("</p></section>");
            return;
        }

        if (index is null || index.Hits.Count == 0)
        {
            html.Append("<p class=\"note\">No RFC in the index matches.</p></section>");
            return;
        }

        html.Append("<ol class=\"hits\">");
        foreach (RfcSearchHit hit in index.Hits)
        {
            html.Append("<li><a class=\"hit\" href=\"/rfc/").Append(hit.Number.Value).Append("\"><span class=\"num\">RFC ").Append(hit.Number.Value)
                .Append("</span> <span class=\"title\">").AppendEscaped(hit.Title).Append("</span></a><span class=\"meta\">")
                .AppendEscaped(hit.Date?.ToString() ?? "").Append(" · ").AppendEscaped(hit.Status.Text);
            if (hit.IsObsoleted)
            {
                html.Append(" · <span class=\"obsolete\">obsoleted");
                if (hit.CurrentVersions.Count > 0)
                {
                    html.Append(", see ").AppendRfcList(hit.CurrentVersions);
                }

                html.Append("</span>");
            }

            html.Append("</span></li>");
        }

        html.Append("</ol></section>");
    }

    private static void TextResults(StringBuilder html, ServedSearch<RfcTextHit>? text)
    {
        html.Append("<section class=\"results\" id=\"text-results\"><h2>In the text</h2>");
        if (text?.Error is string error)
        {
            html.Append("<p class=\"note\">").AppendEscaped(error).Append("</p></section>");
            return;
        }

        if (text is null || text.Hits.Count == 0)
        {
            html.Append("<p class=\"note\">No stored document matches.</p></section>");
            return;
        }

        html.Append("<ol class=\"hits\">");
        foreach (RfcTextHit hit in text.Hits)
        {
            string fragment = SectionAnchor(hit.Section) is string anchor ? "#" + anchor : hit.Page is int page ? $"#page-{page}" : "";
            html.Append("<li><a class=\"hit\" href=\"/rfc/").Append(hit.Number.Value).AppendEscaped(fragment).Append("\"><span class=\"num\">RFC ").Append(hit.Number.Value).Append("</span> <span class=\"title\">")
                .AppendEscaped(hit.Title ?? "").Append("</span></a><span class=\"meta\">");
            if (hit.Section is not null)
            {
                html.Append("section ").AppendEscaped(hit.Section);
            }

            if (hit.Page is int p)
            {
                html.Append(hit.Section is null ? "" : " · ").Append("page ").Append(p);
            }

            html.Append("</span><p class=\"snippet\">");
            AppendSnippet(html, hit.Snippet);
            html.Append("</p></li>");
        }

        html.Append("</ol></section>");
    }

    /// <summary>The snippet escaped, its matches in <c>&lt;mark&gt;</c>.</summary>
    private static void AppendSnippet(StringBuilder html, string snippet)
    {
        int start = 0;
        bool open = false;
        for (int i = 0; i <= snippet.Length; i++)
        {
            if (i == snippet.Length || snippet[i] is RfcTextHit.HighlightStart or RfcTextHit.HighlightEnd)
            {
                html.AppendEscaped(snippet.AsSpan(start, i - start));
                if (i < snippet.Length)
                {
                    bool opening = snippet[i] == RfcTextHit.HighlightStart;
                    if (opening != open)
                    {
                        html.Append(opening ? "<mark>" : "</mark>");
                        open = opening;
                    }
                }

                start = i + 1;
            }
        }

        if (open)
        {
            html.Append("</mark>");
        }
    }

    /// <summary>"8.8.3. Last-Modified" → <c>section-8.8.3</c>; null for an unnumbered section.</summary>
    internal static string? SectionAnchor(string? section) =>
        section is not null && SectionNumber().Match(section) is { Success: true } match ? DocumentRenderer.Anchor(match.Groups["n"].Value) : null;

    [GeneratedRegex(@"^(?:Appendix\s+)?(?<n>(?:\d{1,3}|[A-Z])(?:\.\d{1,3})*)\.?\s", RegexOptions.CultureInvariant)]
    private static partial Regex SectionNumber();
}
