using System.Buffers;

namespace Rfc.Documents.Search;

/// <summary>
/// How ranking reads titles and queries: lowercase runs of letters and digits, so <c>X.509</c>, <c>S/MIME</c>,
/// <c>DNS-SD</c> and <c>HTTP/1.1</c> become the same token runs whether a person or the index wrote them (the same
/// split FTS5's unicode61 tokenizer makes, so what the store found and what ranking compares agree).
/// </summary>
internal static class SearchText
{
    /// <summary>
    /// Every ASCII character that is not a letter or digit: what separates tokens. Written out rather than computed: a
    /// search runs this class's static set-up once per process, and building the set with LINQ and a shared array pool,
    /// with the word list's hash set, was about 200,000 of rfc search sip's 19 million instructions (callgrind). The page
    /// faults perf charged to it were first touches that the search then took elsewhere. SearchTextTests checks it.
    /// </summary>
    internal const string AsciiSeparatorChars =
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F" +
        " !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~\u007F";

    private static readonly SearchValues<char> s_asciiLettersAndDigits =
        SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    /// <summary>The ASCII letters and digits: what a minable acronym is made of (<see cref="TitleAcronyms"/>).</summary>
    internal static SearchValues<char> AsciiLettersAndDigits => s_asciiLettersAndDigits;

    private static readonly SearchValues<char> s_asciiSeparators = SearchValues.Create(AsciiSeparatorChars);

    /// <summary>Splits <paramref name="text"/> into lowercase tokens of letters and digits.</summary>
    public static List<string> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        TitleTokens tokens = new TitleTokens().Read(text);
        var list = new List<string>(tokens.Count);
        for (int i = 0; i < tokens.Count; i++)
        {
            list.Add(tokens.ToString(i));
        }

        return list;
    }

    /// <summary>
    /// True when <paramref name="text"/>'s tokens, joined by single spaces, are <paramref name="words"/> (lowercase
    /// tokens joined by spaces): a keyword that is the query. Compares in place; nothing is allocated.
    /// </summary>
    public static bool TokensEqual(string text, string words)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(words);
        int i = 0, at = 0;
        while (NextToken(text, ref i, out int start))
        {
            if (at > 0)
            {
                if (at >= words.Length || words[at] != ' ')
                {
                    return false;
                }

                at++;
            }

            for (int j = start; j < i; j++, at++)
            {
                if (at >= words.Length || char.ToLowerInvariant(text[j]) != words[at])
                {
                    return false;
                }
            }
        }

        return at == words.Length;
    }

    /// <summary>Advances <paramref name="i"/> past the next run of letters and digits of <paramref name="text"/>, which starts at <paramref name="start"/>; false at the end.</summary>
    internal static bool NextToken(string text, ref int i, out int start)
    {
        ReadOnlySpan<char> span = text;
        i = Skip(span, i, s_asciiSeparators, token: false);
        start = i;
        i = Skip(span, i, s_asciiLettersAndDigits, token: true);
        return i > start;
    }

    /// <summary>
    /// The first index from <paramref name="i"/> where <paramref name="span"/> stops being a separator (or, with
    /// <paramref name="token"/>, a letter or digit): whole runs of ASCII at a time, other characters one by one.
    /// </summary>
    private static int Skip(ReadOnlySpan<char> span, int i, SearchValues<char> ascii, bool token)
    {
        while (i < span.Length)
        {
            int run = span[i..].IndexOfAnyExcept(ascii);
            if (run < 0)
            {
                return span.Length;
            }

            i += run;
            if (span[i] < 0x80 || char.IsLetterOrDigit(span[i]) != token)
            {
                return i;
            }

            i++;
        }

        return i;
    }

    /// <summary>
    /// True when the first <paramref name="count"/> (at least one) of <paramref name="tokens"/> end at a delimiter of
    /// the title: its end, a colon or comma, an opening parenthesis, or a dash that stands apart ("IMAP - Version
    /// 4rev2", "HTTP -- "; closing parentheses skipped), as in "SIP: Session Initiation Protocol" or "Lightweight
    /// Directory Access Protocol (LDAP): The Protocol". Then those tokens are what the title is about. Not a hyphen
    /// joined to the next word: "MIME-based Secure Peer-to-Peer …" and "An MPLS-Based Forwarding Plane" are about
    /// something built on the name. Measured on our second set of everyday queries (benchmarks/queries-more.tsv): with
    /// this, RFC 2045 came into mime's top 3 on the text index and RFC 3031 into mpls's on the XML index.
    /// </summary>
    public static bool EndsAtDelimiter(TitleTokens tokens, int count)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        string title = tokens.Title;
        (int start, int length) = tokens.RangeOf(count - 1);
        int i = start + length;
        while (i < title.Length && title[i] is ')' or ' ')
        {
            i++;
        }

        return i >= title.Length || title[i] is ':' or ',' or '('
            || (title[i] == '-' && (i + 1 == title.Length || !char.IsAsciiLetterOrDigit(title[i + 1])));
    }

    /// <summary>True when two tokens are the same word, plural or singular (<c>uris</c> and <c>uri</c>); compared in place.</summary>
    private static bool StemEquals(ReadOnlySpan<char> a, string b) => a[..StemLength(a)].SequenceEqual(b.AsSpan(0, StemLength(b)));

    /// <summary>The length of what plural and singular share: without a final <c>s</c> (not <c>ss</c>, not after a digit) in a token of four letters or more.</summary>
    private static int StemLength(ReadOnlySpan<char> token) =>
        token.Length > 3 && token[^1] == 's' && token[^2] != 's' && !char.IsAsciiDigit(token[^2]) ? token.Length - 1 : token.Length;

    /// <summary>True for a word that does not distinguish one title from another (see <see cref="IsGenericWord"/>), or a version.</summary>
    public static bool IsGeneric(ReadOnlySpan<char> token) => IsGenericWord(token) || IsVersionToken(token);

    /// <summary>
    /// Words that say nothing about which protocol a title is about: articles, prepositions, and the words a
    /// defining specification's title adds to the name ("Telnet Protocol Specification", "OSPF Version 2",
    /// "Multiprotocol Label Switching Architecture": with "architecture", on benchmarks/queries-more.tsv, SSH's
    /// architecture became ssh's first result on both indexes and MPLS's mpls's on the XML index, the shared queries
    /// unchanged).
    /// A title made only of the query's words and these is the one that names it. A switch, not a set: nothing to
    /// build at start-up, and the compiler compares by length first.
    /// </summary>
    private static bool IsGenericWord(ReadOnlySpan<char> token) => token switch
    {
        "a" or "an" or "the" or "of" or "for" or "and" or "or" or "to" or "in" or "on" or "by" or "with" or "over" or "its"
            or "protocol" or "specification" or "version" or "standard" or "internet" or "definition" or "definitions"
            or "architecture" => true,
        _ => false,
    };

    /// <summary>True for a token that is a version or number: <c>2</c>, <c>v3</c>, <c>v2c</c>.</summary>
    public static bool IsVersionToken(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return IsVersionToken(token.AsSpan());
    }

    /// <inheritdoc cref="IsVersionToken(string)"/>
    public static bool IsVersionToken(ReadOnlySpan<char> span)
    {
        if (span.Length > 1 && span[0] == 'v' && char.IsAsciiDigit(span[1]))
        {
            span = span[1..];
        }

        return span.Length > 0 && char.IsAsciiDigit(span[0]) && span.Length <= 4;
    }

    /// <summary>
    /// Where <paramref name="phrase"/> occurs in <paramref name="tokens"/> as consecutive tokens (plural-insensitive),
    /// or -1. A one-token phrase also matches a token that glues it to a version (<c>snmp</c> in <c>snmpv3</c>).
    /// </summary>
    public static int IndexOfPhrase(TitleTokens tokens, IReadOnlyList<string> phrase)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(phrase);
        if (phrase.Count == 0)
        {
            return -1;
        }

        for (int i = 0; i + phrase.Count <= tokens.Count; i++)
        {
            bool all = true;
            for (int j = 0; j < phrase.Count && all; j++)
            {
                all = StemEquals(tokens[i + j], phrase[j]);
            }

            if (all)
            {
                return i;
            }
        }

        if (phrase.Count == 1)
        {
            string word = phrase[0];
            for (int i = 0; i < tokens.Count; i++)
            {
                ReadOnlySpan<char> token = tokens[i];
                if (token.Length > word.Length && token.StartsWith(word, StringComparison.Ordinal) && IsVersionToken(token[word.Length..]))
                {
                    return i;
                }
            }
        }

        return -1;
    }

    /// <summary>
    /// The words a title spells out before an acronym it gives in parentheses, such as "JavaScript Object Notation
    /// (JSON)" or "DNS-Based Service Discovery (DNS-SD)": walking back from the parenthesis at most as many words as
    /// the acronym has letters (plus two for "and", "for"), to the farthest word that starts with the acronym's first
    /// letter. As (start, length) in <paramref name="tokens"/> (the title's tokens), or (-1, 0).
    /// </summary>
    public static (int Start, int Length) FindSpelledOut(TitleTokens tokens, IReadOnlyList<string> acronym)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(acronym);
        int letters = 0;
        foreach (string part in acronym)
        {
            letters += part.Length;
            if (part.AsSpan().ContainsAnyExcept(s_asciiLettersAndDigits))
            {
                return (-1, 0);
            }
        }

        // No parenthesis, nothing spelled out before one (most titles).
        if (letters < 2 || !char.IsAsciiLetter(acronym[0][0]) || !tokens.Title.Contains('(', StringComparison.Ordinal))
        {
            return (-1, 0);
        }

        char first = acronym[0][0];
        for (int i = 0; i + acronym.Count <= tokens.Count; i++)
        {
            if (!StartsAt(tokens, i, acronym) || !IsParenthesized(tokens, i, acronym.Count))
            {
                continue;
            }

            int start = -1;
            for (int j = i - 1; j >= 0 && j >= i - letters - 2; j--)
            {
                if (tokens[j][0] == first && !IsConcatenation(tokens[j], acronym))
                {
                    start = j;
                }
            }

            if (start >= 0)
            {
                return (start, i - start);
            }
        }

        return (-1, 0);
    }

    private static bool StartsAt(TitleTokens tokens, int index, IReadOnlyList<string> phrase)
    {
        for (int j = 0; j < phrase.Count; j++)
        {
            if (!tokens[index + j].SequenceEqual(phrase[j]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when <paramref name="token"/> is <paramref name="parts"/> written together (<c>dnssd</c> for <c>dns sd</c>).</summary>
    private static bool IsConcatenation(ReadOnlySpan<char> token, IReadOnlyList<string> parts)
    {
        foreach (string part in parts)
        {
            if (!token.StartsWith(part, StringComparison.Ordinal))
            {
                return false;
            }

            token = token[part.Length..];
        }

        return token.IsEmpty;
    }

    /// <summary>True when tokens [<paramref name="index"/>, +<paramref name="count"/>) of the title are enclosed in parentheses.</summary>
    private static bool IsParenthesized(TitleTokens tokens, int index, int count)
    {
        string title = tokens.Title;
        int open = tokens.RangeOf(index).Start;
        (int start, int length) = tokens.RangeOf(index + count - 1);
        int close = start + length;
        return open > 0 && title[open - 1] == '(' && close < title.Length && title[close] == ')';
    }

    /// <summary>
    /// The run of title tokens whose initials spell <paramref name="acronym"/> (<c>pkce</c>: "Proof Key for Code
    /// Exchange"; <c>arp</c>: "Address Resolution Protocol"), skipping short function words inside the run; as
    /// (start, length), or (-1, 0) when there is none. Acronyms shorter than three letters are not expanded: two
    /// initials match by chance.
    /// </summary>
    public static (int Start, int Length) FindExpansion(TitleTokens tokens, string acronym)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(acronym);
        // A run spells one letter per token: a title with fewer tokens than the acronym has letters has none.
        if (acronym.Length < 3 || tokens.Count < acronym.Length || !acronym.All(char.IsAsciiLetter))
        {
            return (-1, 0);
        }

        for (int start = 0; start < tokens.Count; start++)
        {
            int letter = 0, i = start;
            while (i < tokens.Count && letter < acronym.Length)
            {
                ReadOnlySpan<char> token = tokens[i];
                if (token.Length > 0 && token[0] == acronym[letter] && !token.SequenceEqual(acronym))
                {
                    letter++;
                    i++;
                }
                else if (letter > 0 && token is "for" or "of" or "and" or "the" or "in" or "on" or "to")
                {
                    i++;
                }
                else
                {
                    break;
                }
            }

            if (letter == acronym.Length)
            {
                return (start, i - start);
            }
        }

        return (-1, 0);
    }
}
