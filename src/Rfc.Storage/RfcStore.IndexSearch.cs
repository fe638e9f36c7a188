using Microsoft.Data.Sqlite;
using Rfc.Documents;
using Rfc.Documents.Index;

namespace Rfc.Storage;

/// <summary>Ranked search over the index (title, abstract, keywords, authors).</summary>
public sealed partial class RfcStore
{
    /// <summary>
    /// bm25 column weights for title, abstract, keywords, authors: a word in the title says far more about what an
    /// RFC is about than the same word in a long abstract.
    /// </summary>
    private const string IndexWeights = "10.0, 1.0, 4.0, 2.0";

    /// <summary>
    /// Ranks index entries (title, abstract, keywords, authors) against <paramref name="query"/> with bm25, title
    /// weighted highest, then applies <paramref name="filter"/>. Throws <see cref="SearchQueryException"/> for a
    /// query FTS5 cannot parse.
    /// </summary>
    public IReadOnlyList<IndexSearchHit> SearchIndex(string query, IndexSearchFilter filter)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(filter);
        return Search(query, () =>
        {
            using SqliteCommand command = Command(
                $"""
                SELECT e.number, e.title, e.year, e.month, e.day, e.current_status,
                    EXISTS (SELECT 1 FROM index_relations r WHERE r.from_number = e.number AND r.kind = 'obsoleted-by')
                        OR EXISTS (SELECT 1 FROM index_relations r WHERE r.target = 'RFC' || e.number AND r.kind = 'obsoletes'),
                    bm25(index_text, {IndexWeights}) AS score
                FROM index_text JOIN index_entries e ON e.number = index_text.rowid
                WHERE index_text MATCH $q
                    AND ($status IS NULL OR e.current_status = $status)
                    AND ($since IS NULL OR e.year >= $since)
                    AND ($author IS NULL OR e.authors LIKE '%' || $author || '%' ESCAPE '\')
                    AND ($wg IS NULL OR e.wg = $wg COLLATE NOCASE)
                ORDER BY score, e.number DESC
                LIMIT $limit;
                """,
                ("$q", FtsQuery.Prepare(query)),
                ("$status", filter.Status),
                ("$since", filter.Since),
                ("$author", filter.Author?.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal)),
                ("$wg", filter.WorkingGroup),
                ("$limit", filter.Limit));
            using SqliteDataReader reader = command.ExecuteReader();
            var hits = new List<IndexSearchHit>();
            while (reader.Read())
            {
                RfcDate? date = reader.IsDBNull(2) || reader.IsDBNull(3) ? null : new RfcDate(reader.GetInt32(2), reader.GetInt32(3), reader.IsDBNull(4) ? null : reader.GetInt32(4));
                hits.Add(new IndexSearchHit(new RfcNumber(reader.GetInt32(0)), reader.GetString(1), date, RfcStatus.Parse(reader.GetString(5)), reader.GetInt32(6) != 0, reader.GetDouble(7)));
            }

            return (IReadOnlyList<IndexSearchHit>)hits;
        });
    }
}
