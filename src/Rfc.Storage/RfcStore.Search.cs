using Microsoft.Data.Sqlite;
using Rfc.Documents;
using Rfc.Documents.Index;
using Rfc.Documents.Sections;

namespace Rfc.Storage;

/// <summary>The search half of the store: full-text search over stored documents (index search is in RfcStore.IndexSearch.cs).</summary>
public sealed partial class RfcStore
{
    /// <summary>Marks the start of a matched word in <see cref="FullTextHit.Snippet"/>.</summary>
    public const char HighlightStart = '\u0002';

    /// <summary>Marks the end of a matched word in <see cref="FullTextHit.Snippet"/>.</summary>
    public const char HighlightEnd = '\u0003';

    /// <summary>How many tokens a full-text snippet holds (FTS5 allows up to 64).</summary>
    private const int SnippetTokens = 14;

    // Marks where FTS5 cut the text, so the excerpt can be found again in the document; never in RFC text.
    private const char Ellipsis = '\u0004';

    /// <summary>
    /// Full-text search over the stored documents' text, ranked with bm25, with a highlighted snippet and the page and
    /// section of each hit. Throws <see cref="SearchQueryException"/> for a query FTS5 cannot parse.
    /// </summary>
    public IReadOnlyList<FullTextHit> SearchDocuments(string query, int limit)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var raw = Search(query, () =>
        {
            // ORDER BY rank (bm25 for this one-column table) is sorted inside FTS5, so the LIMIT stops the
            // scan after N rows and snippet() re-tokenizes only the documents shown. ORDER BY bm25(...) is an
            // expression SQLite sorts itself: it computed a snippet for every matching document first
            // (profiled: two thirds of a full-text search went to tokenizing documents never shown).
            using SqliteCommand command = Command(
                $"""
                SELECT document_text.rowid, snippet(document_text, 0, char({(int)HighlightStart}), char({(int)HighlightEnd}), char({(int)Ellipsis}), {SnippetTokens}),
                    rank AS score, e.title
                FROM document_text LEFT JOIN index_entries e ON e.number = document_text.rowid
                WHERE document_text MATCH $q
                ORDER BY rank
                LIMIT $limit;
                """,
                ("$q", FtsQuery.Prepare(query)),
                ("$limit", limit));
            using SqliteDataReader reader = command.ExecuteReader();
            var rows = new List<(int Number, string Snippet, double Score, string? Title)>();
            while (reader.Read())
            {
                rows.Add((reader.GetInt32(0), reader.GetString(1), reader.GetDouble(2), NullableString(reader, 3)));
            }

            return rows;
        });

        var hits = new List<FullTextHit>(raw.Count);
        foreach ((int number, string snippet, double score, string? title) in raw)
        {
            RfcLocation? location = LocateSnippet(number, snippet);
            hits.Add(new FullTextHit(new RfcNumber(number), title, Display(snippet), location?.Page, location?.Heading?.ToString(), score));
        }

        return hits;
    }

    /// <summary>
    /// FTS5 copies the document verbatim between the snippet's first and last token, so the excerpt without its
    /// markers is found again in the stored text; the first highlight's position there is the hit.
    /// </summary>
    private RfcLocation? LocateSnippet(int number, string snippet)
    {
        string body = Run(() => Command("SELECT body FROM document_text WHERE rowid = $n;", ("$n", number)).ExecuteScalar() as string ?? "");
        string plain = snippet.Trim(Ellipsis);
        int highlight = plain.IndexOf(HighlightStart, StringComparison.Ordinal);
        plain = plain.Replace(HighlightStart.ToString(), "", StringComparison.Ordinal).Replace(HighlightEnd.ToString(), "", StringComparison.Ordinal);
        int start = plain.Length == 0 ? -1 : body.IndexOf(plain, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        int offset = start + Math.Max(0, highlight);
        return RfcTextLocator.Locate(body, Math.Min(offset, body.Length));
    }

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
