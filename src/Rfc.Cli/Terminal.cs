using System.Globalization;
using System.Text;

namespace Rfc.Cli;

/// <summary>
/// Makes text from outside rfc (the index's titles, authors and abstracts, search snippets, servers' URLs in error lines)
/// safe to show on a terminal: a control character would otherwise be obeyed, not shown (ESC ] 0 ; … BEL retitles the
/// window, ESC [ 2 J clears the screen). Each one is written as <c>\x1b</c> instead. Only human-readable output goes
/// through here; JSON keeps the data exact (its encoder escapes control characters itself).
/// </summary>
internal static class Terminal
{
    /// <summary>
    /// <paramref name="text"/> with every C0 control, DEL and C1 control written as <c>\xNN</c> (or <c>\u00NN</c> above
    /// 0x7f), except the characters in <paramref name="keep"/>.
    /// </summary>
    public static string Escape(string text, string keep = "")
    {
        ArgumentNullException.ThrowIfNull(text);
        int first = IndexOfControl(text, keep);
        if (first < 0)
        {
            return text;
        }

        StringBuilder escaped = new(text.Length + 8);
        escaped.Append(text, 0, first);
        for (int i = first; i < text.Length; i++)
        {
            char c = text[i];
            if (IsControl(c) && !keep.Contains(c, StringComparison.Ordinal))
            {
                escaped.Append(c < 0x80 ? string.Create(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}") : string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"));
            }
            else
            {
                escaped.Append(c);
            }
        }

        return escaped.ToString();
    }

    /// <summary><see cref="Escape"/> for a value that may be missing.</summary>
    public static string? EscapeOrNull(string? text) => text is null ? null : Escape(text);

    private static bool IsControl(char c) => c < 0x20 || c is >= '\u007f' and <= '\u009f';

    private static int IndexOfControl(string text, string keep)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (IsControl(text[i]) && !keep.Contains(text[i], StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
