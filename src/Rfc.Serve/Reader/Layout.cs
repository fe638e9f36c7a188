using System.Text;

namespace Rfc.Serve.Reader;

/// <summary>
/// The frame every reader page shares: the search box, one stylesheet and one script from <c>/static/</c> (the
/// Content-Security-Policy allows no inline script or style), light and dark themes by <c>prefers-color-scheme</c>.
/// </summary>
internal static class Layout
{
    public static byte[] Page(string title, string query, Action<StringBuilder> main, string bodyClass = "")
    {
        StringBuilder html = new(4096);
        html.Append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<meta name=\"color-scheme\" content=\"light dark\">")
            .Append("<title>").AppendEscaped(title).Append("</title>")
            .Append("<link rel=\"icon\" href=\"/static/favicon.svg\" type=\"image/svg+xml\">")
            .Append("<link rel=\"stylesheet\" href=\"/static/reader.css\">")
            .Append("<script src=\"/static/reader.js\" defer></script>")
            .Append("</head><body");
        if (bodyClass.Length > 0)
        {
            html.Append(" class=\"").AppendEscaped(bodyClass).Append('"');
        }

        html.Append("><header class=\"top\"><a class=\"home\" href=\"/\">rfc</a>")
            .Append("<form class=\"searchbox\" action=\"/\" method=\"get\" role=\"search\">")
            .Append("<input id=\"q\" name=\"q\" type=\"search\" aria-label=\"Search RFCs\" placeholder=\"Search RFCs  ( / )\" value=\"").AppendEscaped(query).Append("\">")
            .Append("<button type=\"submit\">Search</button></form></header>\n");
        main(html);
        html.Append("\n</body></html>\n");
        return Encoding.UTF8.GetBytes(html.ToString());
    }

    /// <summary>"RFC 9110, RFC 9111 and RFC 9112", each a link.</summary>
    public static StringBuilder AppendRfcList(this StringBuilder html, IEnumerable<Rfc.Documents.RfcNumber> numbers)
    {
        List<Rfc.Documents.RfcNumber> list = [.. numbers];
        for (int i = 0; i < list.Count; i++)
        {
            if (i > 0)
            {
                html.Append(i == list.Count - 1 ? " and " : ", ");
            }

            html.Append("<a href=\"/rfc/").Append(list[i].Value).Append("\">RFC ").Append(list[i].Value).Append("</a>");
        }

        return html;
    }
}
