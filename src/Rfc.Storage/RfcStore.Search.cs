using Microsoft.Data.Sqlite;

namespace Rfc.Storage;

/// <summary>What both searches share: the highlight markers and FTS5 query errors.</summary>
internal sealed partial class RfcStore
{
    /// <summary>Marks the start of a matched word in <see cref="FullTextHit.Snippet"/>.</summary>
    public const char HighlightStart = '\u0002';

    /// <summary>Marks the end of a matched word in <see cref="FullTextHit.Snippet"/>.</summary>
    public const char HighlightEnd = '\u0003';

    /// <summary>How many tokens a full-text snippet holds (FTS5 allows up to 64).</summary>
    private const int SnippetTokens = 14;

    // Marks where FTS5 cut the text, so the excerpt can be found again in the document; never in RFC text.
    private const char Ellipsis = '\u0004';

    private static string Display(string snippet)
    {
        string text = snippet.Replace(Ellipsis.ToString(), "…", StringComparison.Ordinal);
        return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>Runs a MATCH query, turning FTS5's parse errors (SQLITE_ERROR) into <see cref="SearchQueryException"/>.</summary>
    private T Search<T>(string query, Func<T> action)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            throw new SearchQueryException("the search query is empty (give one or more words, or an FTS5 query such as '\"coffee pot\"')");
        }

        try
        {
            return action();
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 1)
        {
            string problem = SqliteMessage(e).Replace("fts5: ", "", StringComparison.Ordinal);
            throw new SearchQueryException($"the search query '{query}' is not valid FTS5 syntax: {problem} (quote phrases with \"…\", join terms with AND, OR, NOT; end a prefix with *)", e);
        }
        catch (SqliteException e)
        {
            throw Damaged(DatabasePath, e);
        }
    }

    /// <summary>SQLite's own text from a message such as <c>SQLite Error 1: 'fts5: syntax error near "AND"'.</c>.</summary>
    private static string SqliteMessage(SqliteException e)
    {
        string message = e.Message;
        int first = message.IndexOf('\'', StringComparison.Ordinal);
        int last = message.LastIndexOf('\'');
        return first >= 0 && last > first ? message[(first + 1)..last] : message.TrimEnd('.');
    }
}
