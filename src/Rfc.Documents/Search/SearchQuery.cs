using System.Buffers;

namespace Rfc.Documents.Search;

/// <summary>
/// A search as analysed before ranking: a number or sub-series goes straight to that document; an FTS5 expression
/// passes through; anything else is a list of words, each kept whole for matching (<c>s/mime</c>) with version
/// words (<c>1.2</c>, <c>v3</c>) marked so they rank instead of filter.
/// </summary>
internal sealed class SearchQuery
{
    /// <summary>The longest query accepted, in characters: far beyond any title, short enough to bound the work.</summary>
    public const int MaxLength = 1000;

    private static readonly SearchValues<char> s_syntax = SearchValues.Create("\"*()^:+{}");

    private SearchQuery(string text, SearchQueryKind kind, IReadOnlyList<QueryTerm> terms, DocId? document, IReadOnlyDictionary<QueryTerm, IReadOnlyList<IReadOnlyList<string>>>? expansions = null)
    {
        Text = text;
        Kind = kind;
        Terms = terms;
        NameTerms = [.. terms.Where(t => !t.IsVersion)];
        VersionTerms = [.. terms.Where(t => t.IsVersion)];
        Document = document;
        Expansions = expansions ?? new Dictionary<QueryTerm, IReadOnlyList<IReadOnlyList<string>>>();
    }

    /// <summary>
    /// What acronym terms stand for, as the index's own titles spell them out (<c>json</c>: "javascript object
    /// notation"): token runs a title may hold instead of the acronym. Empty until <see cref="WithExpansions"/>.
    /// </summary>
    public IReadOnlyDictionary<QueryTerm, IReadOnlyList<IReadOnlyList<string>>> Expansions { get; }

    /// <summary>The query as typed, whitespace collapsed.</summary>
    public string Text { get; }

    /// <summary>What the query asks for.</summary>
    public SearchQueryKind Kind { get; }

    /// <summary>The words, for <see cref="SearchQueryKind.Words"/>; empty otherwise.</summary>
    public IReadOnlyList<QueryTerm> Terms { get; }

    /// <summary>The RFC or sub-series document, for <see cref="SearchQueryKind.Number"/> and <see cref="SearchQueryKind.Subseries"/>.</summary>
    public DocId? Document { get; }

    // Lists made once, not Where() on each read: LINQ's Select over a Where is a generic virtual method, which
    // NativeAOT resolves at run time through its type loader, the first time at some cost (perf: a search's first
    // ones were 2.5 % of the process). The search path avoids Select on LINQ's own iterators for that reason.

    /// <summary>The terms that name what is searched for (everything but versions).</summary>
    public IReadOnlyList<QueryTerm> NameTerms { get; }

    /// <summary>The version terms.</summary>
    public IReadOnlyList<QueryTerm> VersionTerms { get; }

    /// <summary>Analyses <paramref name="text"/>; throws <see cref="ArgumentException"/> when it is empty or longer than <see cref="MaxLength"/>.</summary>
    public static SearchQuery Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxLength)
        {
            throw new ArgumentException($"a query is at most {MaxLength} characters", nameof(text));
        }

        string[] words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        string collapsed = string.Join(' ', words);
        if (words.Length == 0)
        {
            throw new ArgumentException("the query is empty", nameof(text));
        }

        if (RfcNumber.TryParse(collapsed, out RfcNumber number))
        {
            return new SearchQuery(collapsed, SearchQueryKind.Number, [], DocId.ForRfc(number));
        }

        if (DocId.TryParse(collapsed, out DocId id))
        {
            return new SearchQuery(collapsed, id.IsRfc ? SearchQueryKind.Number : SearchQueryKind.Subseries, [], id);
        }

        if (collapsed.AsSpan().IndexOfAny(s_syntax) >= 0 || words.Any(w => w is "AND" or "OR" or "NOT" || w.StartsWith("NEAR", StringComparison.Ordinal)))
        {
            return new SearchQuery(collapsed, SearchQueryKind.Expression, [], null);
        }

        var terms = new List<QueryTerm>();
        foreach (string word in words)
        {
            string lower = word.ToLowerInvariant();
            List<string> tokens = SearchText.Tokenize(lower);
            if (tokens.Count == 0)
            {
                continue;
            }

            // "tls 1.2", "snmp v3", "ospf 3": a version only after a name; "1918" alone is a number, handled above.
            bool version = terms.Count > 0 && tokens.All(SearchText.IsVersionToken);
            terms.Add(new QueryTerm(lower, tokens, version));
        }

        return terms.Count == 0
            ? throw new ArgumentException("the query has no letters or digits", nameof(text))
            : new SearchQuery(collapsed, SearchQueryKind.Words, terms, null);
    }

    /// <summary>The same query with what its acronyms stand for (see <see cref="Expansions"/>).</summary>
    public SearchQuery WithExpansions(IReadOnlyDictionary<QueryTerm, IReadOnlyList<IReadOnlyList<string>>> expansions)
    {
        ArgumentNullException.ThrowIfNull(expansions);
        return new SearchQuery(Text, Kind, Terms, Document, expansions);
    }

    /// <summary>The same words with some replaced (spelling corrections), for <see cref="SearchQueryKind.Words"/>.</summary>
    public SearchQuery WithTerms(IReadOnlyList<QueryTerm> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        return new SearchQuery(string.Join(' ', terms.Select(t => t.Text)), Kind, terms, Document);
    }
}
