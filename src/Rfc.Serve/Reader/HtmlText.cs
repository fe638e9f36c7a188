using System.Text;

namespace Rfc.Serve.Reader;

/// <summary>
/// HTML escaping. Every piece of text that reaches a page goes through here: RFCs contain <c>&lt;</c>, <c>&amp;</c>
/// and even <c>&lt;script&gt;</c> in their examples, and titles and queries come from outside.
/// </summary>
internal static class HtmlText
{
    /// <summary>Appends <paramref name="text"/> escaped for element content and quoted attribute values.</summary>
    public static StringBuilder AppendEscaped(this StringBuilder html, ReadOnlySpan<char> text)
    {
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            string? entity = text[i] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                // Control characters other than tab and newline are not text a browser should see (form feeds, NULs).
                < ' ' and not '\t' and not '\n' => "",
                _ => null,
            };
            if (entity is not null)
            {
                html.Append(text[start..i]).Append(entity);
                start = i + 1;
            }
        }

        return html.Append(text[start..]);
    }

    /// <summary><paramref name="text"/> escaped.</summary>
    public static string Escape(string? text) => new StringBuilder().AppendEscaped(text).ToString();
}
