using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Rfc.Documents;
using Rfc.Documents.Search;
using Rfc.Documents.Text;

namespace Rfc.Storage;

/// <summary>
/// Full-text search over the stored documents. The index is derived data in its own files
/// (<see cref="FullTextLayout"/>): contentless FTS5 shards over units of a page (or a section), so no text is
/// kept twice, and a search reads from the documents only the bytes of the units it shows.
/// </summary>
internal sealed partial class RfcStore
{
    // The shards attached to this connection (as fts0, fts1, …), or null.
    private FullTextLayout? _attached;

    /// <summary>
    /// Starts index threads (one per shard, creating the index when there is none) that index the documents
    /// given to <see cref="FullTextIndexer.Enqueue"/> as they are in the store when their turn comes.
    /// </summary>
    public FullTextIndexer StartFullTextIndexing(Action<FullTextIndexProgress>? progress, CancellationToken cancellationToken)
    {
        FullTextLayout layout = CreateLayout();
        return new FullTextIndexer(DatabasePath, layout, progress, cancellationToken);
    }

    /// <summary>Documents the full-text index does not cover as stored (new, changed, or removed from the store).</summary>
    public IReadOnlyList<RfcNumber> FullTextPending()
    {
        IReadOnlyDictionary<int, string> stored = StoredChecksums();
        // Read through the shards attached to the store's connection: no connection to open per shard.
        Dictionary<int, string> covered = Run(() =>
        {
            FullTextLayout layout = AttachFullText();
            Dictionary<int, string> all = [];
            for (int i = 0; i < layout.Shards; i++)
            {
                using SqliteCommand command = Command(string.Create(CultureInfo.InvariantCulture, $"SELECT number, sha256 FROM fts{i}.covered;"));
                using SqliteDataReader reader = command.ExecuteReader();
                while (reader.Read())
                {
                    all[reader.GetInt32(0)] = reader.GetString(1);
                }
            }

            return all;
        });

        List<RfcNumber> pending = [];
        foreach ((int number, string sha) in stored)
        {
            if (!covered.TryGetValue(number, out string? indexed) || !string.Equals(indexed, sha, StringComparison.Ordinal))
            {
                pending.Add(new RfcNumber(number));
            }
        }

        foreach (int number in covered.Keys)
        {
            if (!stored.ContainsKey(number))
            {
                pending.Add(new RfcNumber(number));
            }
        }

        pending.Sort((a, b) => a.Value.CompareTo(b.Value));
        return pending;
    }

    /// <summary>
    /// Whether any document is pending (<see cref="FullTextPending"/> is not empty), answered inside SQLite: every
    /// stored checksum is looked up in its shard's <c>covered</c> table by number, and the covered rows are counted,
    /// so no row comes out to .NET. A warm full-text search asks this first; listing what is pending read every
    /// number and checksum of both sides into dictionaries, measured (perf) at twice the cost of the search itself.
    /// </summary>
    public bool HasFullTextPending() => Run(() =>
    {
        FullTextLayout layout = AttachFullText();
        StringBuilder differs = new("CASE d.number % $shards");
        StringBuilder covered = new("0");
        for (int i = 0; i < layout.Shards; i++)
        {
            differs.Append(CultureInfo.InvariantCulture, $" WHEN {i} THEN NOT EXISTS (SELECT 1 FROM fts{i}.covered c WHERE c.number = d.number AND c.sha256 = d.sha256)");
            covered.Append(CultureInfo.InvariantCulture, $" + (SELECT count(*) FROM fts{i}.covered)");
        }

        differs.Append(" ELSE 1 END");

        // Every stored document covered as stored, and exactly as many covered rows as documents: nothing pending.
        using SqliteCommand command = Command(
            $"""
            SELECT EXISTS (SELECT 1 FROM main.documents d INDEXED BY documents_summary WHERE {differs})
                OR (SELECT count(*) FROM main.documents) <> ({covered});
            """,
            ("$shards", layout.Shards));
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) != 0;
    });

    /// <summary>
    /// Brings the full-text index up to date with the stored documents (only what is new, changed or gone), or
    /// with <paramref name="rebuild"/> builds it from nothing; every shard on its own thread.
    /// </summary>
    public async Task<FullTextIndexUpdate> UpdateFullTextIndexAsync(bool rebuild, Action<FullTextIndexProgress>? progress, CancellationToken cancellationToken)
    {
        if (rebuild)
        {
            DetachFullText();
            try
            {
                FullTextLayout.Delete(Directory);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new StoreException($"cannot delete the full-text index in {Directory}", e);
            }
        }

        IReadOnlyList<RfcNumber> pending = FullTextPending();
        IReadOnlyDictionary<int, string> stored = StoredChecksums();
        int removed = pending.Count(n => !stored.ContainsKey(n.Value));
        FullTextIndexer indexer = StartFullTextIndexing(progress, cancellationToken);
        await using (indexer.ConfigureAwait(false))
        {
            foreach (RfcNumber number in pending)
            {
                indexer.Enqueue(number);
            }

            await indexer.CompleteAsync().ConfigureAwait(false);
        }

        return new FullTextIndexUpdate(pending.Count - removed, removed, FullTextLayout.Find(Directory)?.Shards ?? 0);
    }

    /// <summary>
    /// Checks the full-text index: each shard's structure (FTS5 integrity-check) and that it covers exactly the
    /// stored documents as they are. Returns the shards found damaged (their files are deleted, so the next update
    /// indexes their documents again) and how many documents are pending.
    /// </summary>
    public FullTextIndexCheck CheckFullTextIndex()
    {
        DetachFullText();
        FullTextLayout? layout = FullTextLayout.Find(Directory);
        List<string> damaged = [];
        if (layout is not null)
        {
            for (int i = 0; i < layout.Shards; i++)
            {
                string path = layout.ShardPath(i);
                bool ok;
                try
                {
                    using FullTextShard shard = FullTextShard.Open(path);
                    ok = shard.IntegrityCheck();
                }
                catch (StoreException)
                {
                    ok = false;
                }

                if (!ok)
                {
                    damaged.Add(path);
                    SqliteConnection.ClearAllPools();
                    foreach (string file in new[] { path, path + "-wal", path + "-shm" })
                    {
                        File.Delete(file);
                    }
                }
            }
        }

        return new FullTextIndexCheck(damaged, FullTextPending().Count);
    }

    /// <summary>
    /// Full-text search over what the index covers (call <see cref="UpdateFullTextIndexAsync"/> first for what is
    /// pending), one hit per RFC: each document's best unit by bm25, re-ordered by <see cref="FullTextRanker"/> (relevance
    /// times the index's standing prior, so among documents that contain the phrase the current standard comes before
    /// the obsolete one), with a highlighted snippet of that unit and the page and section the unit records; snippets
    /// are built only for the hits returned. Throws <see cref="SearchQueryException"/> for a query FTS5 cannot parse.
    /// </summary>
    public IReadOnlyList<FullTextHit> SearchDocuments(string query, int limit)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        string match = FtsQuery.Prepare(query);
        return Search(query, () =>
        {
            lock (_gate)
            {
                FullTextLayout layout = AttachFullText();
                int candidates = Math.Max(FullTextRanker.MinCandidates, limit * FullTextRanker.CandidatesPerResult);
                var best = new Dictionary<int, (long Unit, double Bm25)>();
                StringBuilder union = new();
                for (int i = 0; i < layout.Shards; i++)
                {
                    union.Append(i == 0 ? "" : " UNION ALL ").Append(CultureInfo.InvariantCulture, $"SELECT rowid AS id, rank AS score FROM fts{i}.unit_text WHERE unit_text MATCH $q");
                }

                // bm25 per unit; a document counts by its best unit, which is the one shown. Several times the limit,
                // best first, so the prior can re-order them.
                using (SqliteCommand command = Command($"SELECT id >> 16 AS n, id, min(score) AS best FROM ({union}) GROUP BY n ORDER BY best, n LIMIT $limit;", ("$q", match), ("$limit", candidates)))
                using (SqliteDataReader reader = command.ExecuteReader())
                {
                    while (reader.Read())
                    {
                        best[reader.GetInt32(0)] = (reader.GetInt64(1), reader.GetDouble(2));
                    }
                }

                if (best.Count == 0)
                {
                    return (IReadOnlyList<FullTextHit>)[];
                }

                Dictionary<RfcNumber, IndexCandidate> entries = ReadCandidates([.. best.Keys], [], new IndexSearchFilter(), [], []).ToDictionary(c => c.Number);
                var shown = FullTextRanker.Rank([.. best.Select(b => (new RfcNumber(b.Key), b.Value.Bm25))], n => entries.GetValueOrDefault(n)).Take(limit).ToList();

                // The shown units' text, decoded from their bytes only, into a temporary FTS5 table with the same
                // tokenizer: FTS5 computes the snippet and the highlights exactly as the index matched them. One
                // statement reads every shown unit (each from its own shard) and one prepared insert stores them.
                var units = new Dictionary<long, (int? Page, string Text)>();
                Execute(Connection, $"CREATE VIRTUAL TABLE IF NOT EXISTS temp.shown USING fts5(body, tokenize = '{FullTextShard.Tokenizer}'); DELETE FROM temp.shown;");
                StringBuilder read = new();
                for (int i = 0; i < layout.Shards; i++)
                {
                    read.Append(i == 0 ? "" : " UNION ALL ").Append(CultureInfo.InvariantCulture,
                        $"SELECT u.id, u.page, substr(d.content, u.byte_start + 1, u.byte_length) FROM fts{i}.units u JOIN main.documents d ON d.number = u.id >> 16 WHERE u.id IN (SELECT value FROM json_each($ids))");
                }

                string ids = "[" + string.Join(',', shown.Select(h => best[h.Number.Value].Unit.ToString(CultureInfo.InvariantCulture))) + "]";
                using (SqliteCommand command = Command(read.Append(';').ToString(), ("$ids", ids)))
                using (SqliteDataReader reader = command.ExecuteReader())
                {
                    while (reader.Read())
                    {
                        units[reader.GetInt64(0)] = (reader.IsDBNull(1) ? null : reader.GetInt32(1), RfcTextDecoder.Decode((byte[])reader.GetValue(2)));
                    }
                }

                // One transaction for the inserts: FTS5 flushes its pending terms as one segment at commit, where an
                // insert per transaction left a segment per unit for the snippet query to merge (perf: ~10 % of a search).
                Execute(Connection, "BEGIN;");
                try
                {
                    using SqliteCommand insert = Command("INSERT INTO temp.shown (rowid, body) VALUES ($id, $body);", ("$id", 0L), ("$body", ""));
                    foreach ((long unit, (_, string text)) in units)
                    {
                        insert.Parameters[0].Value = unit;
                        insert.Parameters[1].Value = text;
                        insert.ExecuteNonQuery();
                    }

                    Execute(Connection, "COMMIT;");
                }
                catch
                {
                    Execute(Connection, "ROLLBACK;");
                    throw;
                }

                var snippets = new Dictionary<long, string>();
                using (SqliteCommand command = Command(
                    $"SELECT rowid, snippet(shown, 0, char({(int)HighlightStart}), char({(int)HighlightEnd}), char({(int)Ellipsis}), {SnippetTokens}) FROM temp.shown WHERE shown MATCH $q;",
                    ("$q", match)))
                using (SqliteDataReader reader = command.ExecuteReader())
                {
                    while (reader.Read())
                    {
                        snippets[reader.GetInt64(0)] = reader.GetString(1);
                    }
                }

                var hits = new List<FullTextHit>(shown.Count);
                var sections = new SqliteCommand?[layout.Shards];
                try
                {
                    foreach ((RfcNumber number, FullTextScoreParts parts) in shown)
                    {
                        long unit = best[number.Value].Unit;
                        (int? page, string text) = units.TryGetValue(unit, out var found) ? found : (null, "");
                        string snippet = snippets.GetValueOrDefault(unit, "");
                        int shard = number.Value % layout.Shards;
                        string? section = SectionOf(sections[shard] ??= SectionCommand(shard), number.Value, unit, OffsetOf(text, snippet));
                        hits.Add(new FullTextHit(number, entries.GetValueOrDefault(number)?.Title, Display(snippet), page, section, parts.Total) { Parts = parts });
                    }
                }
                finally
                {
                    foreach (SqliteCommand? command in sections)
                    {
                        command?.Dispose();
                    }
                }

                return (IReadOnlyList<FullTextHit>)hits;
            }
        });
    }

    /// <summary>The nearest heading at or before an offset of a unit of shard <paramref name="shard"/>, recorded at index time (<see cref="SectionOf"/>).</summary>
    private SqliteCommand SectionCommand(int shard) => Command(
        $"""
        SELECT heading FROM fts{shard}.headings
        WHERE unit BETWEEN $first AND $unit AND (unit < $unit OR offset <= $offset)
        ORDER BY unit DESC, offset DESC LIMIT 1;
        """,
        ("$first", 0L),
        ("$unit", 0L),
        ("$offset", 0));

    /// <summary>The nearest heading at or before <paramref name="offset"/> of unit <paramref name="unit"/>, with <paramref name="command"/> from <see cref="SectionCommand"/>.</summary>
    private static string? SectionOf(SqliteCommand command, int number, long unit, int offset)
    {
        command.Parameters[0].Value = DocumentUnits.UnitId(number, 0);
        command.Parameters[1].Value = unit;
        command.Parameters[2].Value = offset;
        return command.ExecuteScalar() as string;
    }

    /// <summary>
    /// FTS5 copies the text verbatim between a snippet's first and last token, so the excerpt without its markers
    /// is found again in the unit; the first highlight's position there is the hit.
    /// </summary>
    private static int OffsetOf(string text, string snippet)
    {
        string plain = snippet.Trim(Ellipsis);
        int highlight = plain.IndexOf(HighlightStart, StringComparison.Ordinal);
        plain = plain.Replace(HighlightStart.ToString(), "", StringComparison.Ordinal).Replace(HighlightEnd.ToString(), "", StringComparison.Ordinal);
        int start = plain.Length == 0 ? -1 : text.IndexOf(plain, StringComparison.Ordinal);
        return start < 0 ? 0 : Math.Min(text.Length, start + Math.Max(0, highlight));
    }

    /// <summary>Attaches the index's shards to the store's connection (creating an empty index when there is none). Call with the lock held.</summary>
    private FullTextLayout AttachFullText()
    {
        FullTextLayout? layout = FullTextLayout.Find(Directory);
        if (layout is null || !Enumerable.Range(0, layout.Shards).All(i => File.Exists(layout.ShardPath(i))))
        {
            layout = CreateLayout();
        }

        if (_attached == layout)
        {
            return layout;
        }

        DetachFullTextLocked();
        for (int i = 0; i < layout.Shards; i++)
        {
            using SqliteCommand attach = Command(string.Create(CultureInfo.InvariantCulture, $"ATTACH DATABASE $path AS fts{i};"), ("$path", IsReadOnly ? ImmutableUri(layout.ShardPath(i)) : layout.ShardPath(i)));
            attach.ExecuteNonQuery();
        }

        _attached = layout;
        return layout;
    }

    private void DetachFullText()
    {
        lock (_gate)
        {
            DetachFullTextLocked();
        }
    }

    private void DetachFullTextLocked()
    {
        if (_attached is { } attached)
        {
            for (int i = 0; i < attached.Shards; i++)
            {
                Execute(Connection, string.Create(CultureInfo.InvariantCulture, $"DETACH DATABASE fts{i};"));
            }

            _attached = null;
        }
    }

    private FullTextLayout CreateLayout()
    {
        try
        {
            return FullTextLayout.Create(Directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StoreException($"cannot create the full-text index in {Directory}; check its permissions and free space", e);
        }
    }
}

/// <summary>What <see cref="RfcStore.CheckFullTextIndex"/> found.</summary>
/// <param name="DamagedShards">Shard files whose index structure failed FTS5's check; they were deleted, to be rebuilt.</param>
/// <param name="Pending">Documents the index does not cover as stored (indexed by the next update).</param>
internal sealed record FullTextIndexCheck(IReadOnlyList<string> DamagedShards, int Pending);
