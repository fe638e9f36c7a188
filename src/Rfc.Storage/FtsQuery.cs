namespace Rfc.Storage;

/// <summary>
/// Turns what a person types into an FTS5 query. FTS5 syntax (phrases in double quotes, AND/OR/NOT/NEAR, prefix*,
/// parentheses, column filters) passes through untouched. A query with none of it is a list of words that must all
/// appear; each is quoted, so <c>HTTP/1.1</c> or <c>TLS-1.3</c> search as written instead of failing on the slash
/// or the hyphen that bare FTS5 words cannot hold.
/// </summary>
internal static class FtsQuery
{
    private static readonly System.Buffers.SearchValues<char> s_syntax = System.Buffers.SearchValues.Create("\"*()^:+{}");

    public static string Prepare(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        string[] words = query.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        bool usesSyntax = query.AsSpan().IndexOfAny(s_syntax) >= 0 || words.Any(w => w is "AND" or "OR" or "NOT" || w.StartsWith("NEAR", StringComparison.Ordinal));
        return usesSyntax ? query : string.Join(' ', words.Select(w => $"\"{w}\""));
    }
}
