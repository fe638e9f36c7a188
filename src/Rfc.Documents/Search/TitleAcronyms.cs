namespace Rfc.Documents.Search;

/// <summary>
/// What a title teaches about acronyms: for each word a search could type that the title holds, the words it stands
/// for there ("Address Resolution Protocol" for <c>arp</c> in "IANA Allocation Guidelines for the Address Resolution
/// Protocol (ARP)"; "dns based service discovery" for <c>dns-sd</c> in "DNS-Based Service Discovery (DNS-SD)"). A
/// sync runs it over every title and stores the counts, so a search looks an acronym up instead of reading and
/// splitting the hundreds of titles that contain it (measured with callgrind: a third of the instructions of a
/// two-word search such as <c>congestion control</c>).
/// </summary>
internal static class TitleAcronyms
{
    /// <summary>The fewest letters a word needs to be mined: two initials match by chance.</summary>
    public const int MinLetters = 3;

    /// <summary>
    /// True when a search term with these <paramref name="tokens"/> is looked up as an acronym: three or more ASCII
    /// letters and digits in all, starting with a letter (<c>arp</c>, <c>ikev2</c>, <c>dns-sd</c>, <c>x.509</c>).
    /// </summary>
    public static bool IsMinable(IReadOnlyList<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        int letters = 0;
        foreach (string token in tokens)
        {
            if (!token.All(char.IsAsciiLetterOrDigit))
            {
                return false;
            }

            letters += token.Length;
        }

        return letters >= MinLetters && tokens.Count > 0 && tokens[0].Length > 0 && char.IsAsciiLetter(tokens[0][0]);
    }

    /// <summary>The key a term's expansions are stored under: its tokens, space-separated (<c>dns sd</c>).</summary>
    public static string Key(IReadOnlyList<string> tokens) => string.Join(' ', tokens);

    /// <summary>
    /// Calls <paramref name="found"/> with (term key, expansion) for each term this title expands, each term once:
    /// the run of words whose initials spell a word of the title (<see cref="SearchText.FindExpansion"/>), or else the
    /// words spelled out before it in parentheses (<see cref="SearchText.FindSpelledOut"/>), as a search mining the
    /// titles that contain the term would find them. The terms tried are the title's own minable words, each also
    /// without a plural <c>s</c> ("URIs" teaches <c>uri</c>: the full-text index matches Porter stems, so a search
    /// for <c>uri</c> reads that title; not "ss" or "ies", which the stemmer treats otherwise), and every group of
    /// words in parentheses (<c>dns sd</c>).
    /// </summary>
    public static void Mine(TitleTokens tokens, Action<string, string[]> found)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(found);
        var tried = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < tokens.Count; i++)
        {
            ReadOnlySpan<char> token = tokens[i];
            if (token.Length < MinLetters || !char.IsAsciiLetter(token[0]) || token.ContainsAnyExcept(SearchText.AsciiLettersAndDigits))
            {
                continue;
            }

            Try(token.ToString());
            if (token.Length > MinLetters && token[^1] == 's' && token[^2] != 's' && !token.EndsWith("ies", StringComparison.Ordinal))
            {
                Try(token[..^1].ToString());
            }
        }

        string title = tokens.Title;
        for (int i = 0; i < tokens.Count; i++)
        {
            (int open, _) = tokens.RangeOf(i);
            if (open == 0 || title[open - 1] != '(')
            {
                continue;
            }

            for (int j = i + 1; j < tokens.Count; j++)
            {
                (int start, int length) = tokens.RangeOf(j);
                if (title.AsSpan(open, start - open).Contains(')'))
                {
                    break;
                }

                if (start + length < title.Length && title[start + length] == ')')
                {
                    string[] group = tokens.Slice(i, j - i + 1);
                    if (IsMinable(group))
                    {
                        Try(Key(group), group);
                    }

                    break;
                }
            }
        }

        void Try(string key, string[]? group = null)
        {
            if (!tried.Add(key))
            {
                return;
            }

            (int start, int length) = group is null ? SearchText.FindExpansion(tokens, key) : (-1, 0);
            if (start < 0)
            {
                (start, length) = SearchText.FindSpelledOut(tokens, group ?? [key]);
            }

            if (start >= 0)
            {
                found(key, tokens.Slice(start, length));
            }
        }
    }
}
