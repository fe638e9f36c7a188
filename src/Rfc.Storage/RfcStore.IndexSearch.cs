using System.Globalization;
using System.Numerics;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using Rfc.Documents;
using Rfc.Documents.Index;
using Rfc.Documents.Search;

namespace Rfc.Storage;

/// <summary>
/// Ranked search over the index. The store finds candidates with FTS5 (several narrow queries, so the defining RFC is
/// among them even when hundreds of others mention the word) and reads what ranking needs about each; the order
/// itself is <see cref="SearchRanker"/>'s, a pure function in Rfc.Documents.
/// </summary>
internal sealed partial class RfcStore
{
    /// <summary>
    /// bm25 column weights for title, abstract, keywords, authors: a word in the title says far more about what an
    /// RFC is about than the same word in a long abstract.
    /// </summary>
    internal const string IndexWeights = "10.0, 1.0, 4.0, 2.0";

    /// <summary><see cref="IndexWeights"/> as numbers, for the bm25 <see cref="PhraseColumns"/> computes (a test checks it against SQLite's with these).</summary>
    internal static readonly double[] IndexWeightValues = [10.0, 1.0, 4.0, 2.0];

    /// <summary>
    /// How many candidates each FTS5 query contributes, best bm25 first. The broadest everyday names (TLS, HTTP, SIP)
    /// have 200 to 400 title matches; 150 per query, over four queries, keeps the defining RFC in the set while the
    /// whole search stays a few milliseconds.
    /// </summary>
    private const int CandidatesPerQuery = 150;

    /// <summary>Acronym expansions mined from titles ("Address Resolution Protocol (ARP)") searched per query word.</summary>
    private const int ExpansionsPerWord = 2;

    /// <summary>
    /// How many times more titles an acronym's most common expansion may have than another before that other is not
    /// searched. Measured on the index's titles: of 171 acronyms with two or more expansions, 9 have a second one given
    /// by fewer than 1 title in 20, each time a single title, and each noise ("domain names for s" for <c>dns</c>,
    /// "ethernet automatic protection" for <c>eap</c>) or a rewording of the first ("secure shell protocol"); from 10
    /// to 20 times fewer, some are real second meanings ("operations and management" for <c>oam</c>, "multimedia e
    /// mail" for <c>mime</c>), so the line is drawn at 20. Searching such a phrase of common words was a seventh of
    /// the instructions of <c>rfc search sip</c> ("simple internet protocol", 1 title against 201). Over 368 queries
    /// on both indexes, 13 result lists changed, one of them in its top 3 (<c>eap</c> on the text index: EAP-TLS and
    /// its TLS 1.3 update swap second and third); the hit rates did not.
    /// </summary>
    private const int ExpansionDominance = 20;

    /// <summary>The columns words are searched in: not authors, so <c>sip</c> does not find an author called Sipos.</summary>
    private const string TextColumns = "{title abstract keywords}";

    /// <summary>
    /// Searches the index for <paramref name="query"/> and ranks the matches with <see cref="SearchRanker"/>: numbers
    /// (<c>9110</c>, <c>rfc 9110</c>) and sub-series (<c>bcp 14</c>) go straight to their documents; words the index
    /// never uses are corrected against its vocabulary; when nothing matches every word, the best partial matches are
    /// returned and marked so. <paramref name="filter"/> applies to every candidate. Throws
    /// <see cref="SearchQueryException"/> for an empty, overlong or unparsable query.
    /// </summary>
    public IndexSearchResults SearchIndex(string query, IndexSearchFilter filter)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(filter);
        if (query.Length > SearchQuery.MaxLength)
        {
            throw new SearchQueryException(string.Create(CultureInfo.InvariantCulture, $"the search query is {query.Length} characters long; at most {SearchQuery.MaxLength} are searched (shorten it)"));
        }

        return Search(query, () =>
        {
            lock (_gate)
            {
                SearchQuery parsed = ParseQuery(query);
                bool corrected = false;
                if (parsed.Kind == SearchQueryKind.Words)
                {
                    SearchQuery spelled = CorrectSpelling(parsed);
                    corrected = !ReferenceEquals(spelled, parsed);
                    var expansions = new Dictionary<QueryTerm, IReadOnlyList<IReadOnlyList<string>>>();
                    foreach (QueryTerm term in spelled.NameTerms.Distinct())
                    {
                        expansions[term] = Expansions(term);
                    }

                    parsed = spelled.WithExpansions(expansions);
                }

                // bm25 of every match of the query (any of its words and expansions), read once: ranking's text
                // signal, and the order in which each narrower candidate query keeps its best. For words, where each
                // of the query's phrases is in each match too: the narrower queries are answered from that.
                PhraseColumns? matches = parsed.Kind == SearchQueryKind.Words ? MatchPhrases(parsed) : null;
                Dictionary<int, double> scores = matches?.Scores ?? (parsed.Kind == SearchQueryKind.Expression ? TextScores(FtsQuery.Prepare(parsed.Text)) : []);

                List<int> ids, partialIds = [];
                switch (parsed.Kind)
                {
                    case SearchQueryKind.Number:
                        ids = [parsed.Document!.Value.Number];
                        break;
                    case SearchQueryKind.Subseries:
                        ids = [.. ResolveSubseries(parsed.Document!.Value, out _).Select(n => n.Value)];
                        break;
                    case SearchQueryKind.Expression:
                        ids = CandidateIds(FtsQuery.Prepare(parsed.Text), filter, scores);
                        break;
                    default:
                        (ids, partialIds) = WordCandidates(parsed, filter, matches!);
                        break;
                }

                // Whole matches first; then, when they are fewer than asked for, the best matches of some of the words.
                var dates = new Dictionary<int, RfcDate?>(ids.Count + partialIds.Count);
                List<IndexSearchHit> hits = [.. Hits(WithCurrentVersions(ReadCandidates(ids, scores, filter, dates, [])))];
                if (hits.Count < filter.Limit && partialIds.Count > 0)
                {
                    hits.AddRange(Hits(WithCurrentVersions(ReadCandidates(partialIds, scores, filter, dates, [.. partialIds]))).Take(filter.Limit - hits.Count));
                }

                List<IndexSearchHit> Hits(List<IndexCandidate> candidates)
                {
                    IReadOnlyList<RankedCandidate> ranked = SearchRanker.Rank(parsed, candidates);
                    var best = new List<IndexSearchHit>(Math.Min(ranked.Count, filter.Limit));
                    for (int i = 0; i < ranked.Count && i < filter.Limit; i++)
                    {
                        RankedCandidate r = ranked[i];
                        best.Add(new IndexSearchHit(r.Candidate.Number, r.Candidate.Title, dates[r.Candidate.Number.Value], r.Candidate.Status, r.Candidate.IsObsoleted, r.Score.Total)
                        {
                            Parts = r.Score,
                            IsPartial = !r.Candidate.MatchesAll,
                            CurrentVersions = r.Candidate.CurrentVersions.Count == 0 ? [] : [.. r.Candidate.CurrentVersions.Select(n => new RfcNumber(n))],
                        });
                    }

                    return best;
                }

                bool partial = hits.Count > 0 && hits.All(h => h.IsPartial);
                return new IndexSearchResults(hits, parsed.Text, corrected, partial);
            }
        });
    }

    private static SearchQuery ParseQuery(string query)
    {
        try
        {
            return SearchQuery.Parse(query);
        }
        catch (ArgumentException e)
        {
            throw new SearchQueryException($"the search query '{query}' has no letters or digits to search for (give one or more words)", e);
        }
    }

    /// <summary>
    /// The standing/centrality prior (<see cref="StandingPrior.Of"/>, 0 to about 1) of each of <paramref name="numbers"/>
    /// the index describes, so results found another way (full-text search) can be ordered like index results: among
    /// documents that match equally well, the current standard before the obsolete or Informational one.
    /// </summary>
    public IReadOnlyDictionary<RfcNumber, double> GetStandingPriors(IReadOnlyCollection<RfcNumber> numbers)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        return Run(() => ReadCandidates([.. numbers.Select(n => n.Value).Distinct()], [], new IndexSearchFilter(), [], [])
            .ToDictionary(c => c.Number, StandingPrior.Of));
    }

    /// <summary>
    /// The candidates for a query of words: every word in the title, shortest titles first (a title that names a
    /// protocol is short, and bm25 prefers titles that repeat the word); every word anywhere; every name word anywhere
    /// (a version ranks, it does not filter); the title phrases acronyms stand for. Then, when those are fewer than
    /// the limit, the partial matches of a query of several words: any name word anywhere. Each was a narrower FTS5
    /// query, walking the same doclists again; each is now answered from where the phrases are in the query's matches
    /// (<paramref name="matches"/>, <see cref="PhraseColumns"/>). A title's length is its count of words, which FTS5
    /// keeps, not its characters, which had to be read from <c>index_rank</c> for every title match (1.0M of the 16.2M
    /// instructions of <c>rfc search sip</c>, callgrind); the two orders differ only where more than
    /// <see cref="CandidatesPerQuery"/> titles match, and the queries.tsv results and hit rates are the same with either.
    /// </summary>
    private (List<int> Whole, List<int> Partial) WordCandidates(SearchQuery query, IndexSearchFilter filter, PhraseColumns matches)
    {
        int[] all = [.. query.Terms.Select((_, i) => i)];
        int[] names = [.. query.NameTerms.Select(n => PhraseOf(query, n))];

        // With a filter, which matches pass it, read once for all of them.
        HashSet<int>? passing = IsFiltered(filter) ? PassingFilter(matches.Numbers, filter) : null;
        var whole = new List<int>();
        var seen = new HashSet<int>();
        void AddFound(List<int> into, List<int> found)
        {
            foreach (int id in found)
            {
                if (seen.Add(id))
                {
                    into.Add(id);
                }
            }
        }

        // The matches (by bm25, the best kept) of every row where the phrases are as asked.
        void Add(List<int> into, Func<int, bool> test) => AddFound(into, Best([.. Where(test).Select(row => (-matches.Score(row), matches.Numbers[row]))]));
        List<int> Where(Func<int, bool> test)
        {
            var rows = new List<int>();
            for (int row = 0; row < matches.Numbers.Count; row++)
            {
                if ((passing is null || passing.Contains(matches.Numbers[row])) && test(row))
                {
                    rows.Add(row);
                }
            }

            return rows;
        }

        bool Every(int row, int[] phrases, byte where)
        {
            foreach (int phrase in phrases)
            {
                if (!matches.Has(row, phrase, where))
                {
                    return false;
                }
            }

            return true;
        }

        // Titles with every name word, kept twice: the shortest (fewest words) first, and, when there are more of them
        // than one order keeps, the best bm25 first too.
        List<int> titled = Where(row => Every(row, names, PhraseColumns.InTitle));
        AddFound(whole, Best([.. titled.Select(row => ((double)matches.TitleWords(row), matches.Numbers[row]))]));
        if (titled.Count > CandidatesPerQuery)
        {
            AddFound(whole, Best([.. titled.Select(row => (-matches.Score(row), matches.Numbers[row]))]));
        }

        Add(whole, row => Every(row, all, PhraseColumns.InText));
        if (names.Length != all.Length)
        {
            Add(whole, row => Every(row, names, PhraseColumns.InText));
        }

        foreach ((QueryTerm term, int phrase) in ExpansionPhrases(query))
        {
            int[] others = [.. query.NameTerms.Where(other => other != term).Select(other => PhraseOf(query, other))];
            Add(whole, row => matches.Has(row, phrase, PhraseColumns.InTitle) && Every(row, others, PhraseColumns.InText));
        }

        var partial = new List<int>();
        if (whole.Count < filter.Limit && names.Length > 1)
        {
            Add(partial, row => names.Any(phrase => matches.Has(row, phrase, PhraseColumns.InText)));
        }

        return (whole, partial);
    }

    /// <summary>
    /// What an acronym stands for, learned from the index's own titles that contain it (<see cref="TitleAcronyms"/>,
    /// counted by the sync into <c>index_acronyms</c>): the run of words whose initials spell it ("IANA Allocation
    /// Guidelines for the Address Resolution Protocol (ARP)" teaches <c>arp</c>) or that stand before it in parentheses
    /// ("DNS-Based Service Discovery (DNS-SD)"), most frequent first. So RFC 826, whose title never says ARP, is found
    /// for <c>arp</c>.
    /// </summary>
    private List<IReadOnlyList<string>> Expansions(QueryTerm term)
    {
        if (!TitleAcronyms.IsMinable(term.Tokens))
        {
            return [];
        }

        // The term's few rows, ordered and cut here: in SQL, ORDER BY with LIMIT builds a temporary b-tree, whose page
        // cache's first allocation touches about 20 fresh pages (see ReadCandidates). With them, in the same statement,
        // the rows of the term with a version glued on (icmpv6 for icmp): used when the term has none of its own, since
        // some names are spelled out only beside a versioned acronym ("Internet Control Message Protocol (ICMPv6)"),
        // and a search for icmp then finds RFC 792, "Internet Control Message Protocol", on the text index too.
        string key = TitleAcronyms.Key(term.Tokens);
        var rows = new List<(string Expansion, long Count)>();
        var glued = new List<(string Expansion, long Count)>();
        Rows(
            "SELECT term, expansion, count FROM index_acronyms WHERE term = $term OR (term > $glued AND term < $past);",
            [("$term", key), ("$glued", key + "v"), ("$past", key + "w")],
            row =>
            {
                // Keys are ASCII (TitleAcronyms.IsMinable): bytes and characters count alike.
                ReadOnlySpan<byte> found = row.Utf8(0);
                bool exact = found.Length == key.Length;
                if (exact || (term.Tokens.Count == 1 && SearchText.IsVersionToken(Encoding.ASCII.GetString(found[key.Length..]))))
                {
                    (exact ? rows : glued).Add((row.Text(1) ?? "", row.Int64(2)));
                }
            });
        if (rows.Count == 0)
        {
            rows = glued;
        }

        long most = 0;
        foreach ((_, long count) in rows)
        {
            most = Math.Max(most, count);
        }

        rows.RemoveAll(r => r.Count * ExpansionDominance < most);
        rows.Sort((a, b) => a.Count != b.Count ? b.Count.CompareTo(a.Count) : string.CompareOrdinal(a.Expansion, b.Expansion));
        var expansions = new List<IReadOnlyList<string>>(ExpansionsPerWord);
        for (int i = 0; i < rows.Count && i < ExpansionsPerWord; i++)
        {
            expansions.Add(rows[i].Expansion.Split(' '));
        }

        return expansions;
    }

    /// <summary>
    /// Rebuilds <c>index_acronyms</c> from the issued entries' titles: for each word a title expands
    /// (<see cref="TitleAcronyms.Mine"/>), each expansion with how many titles give it. Runs inside the sync's
    /// transaction (<see cref="IndexUpdate.Commit"/>) and the migration that made the table, so the expansions always
    /// come from the index searched.
    /// </summary>
    internal static void RebuildAcronyms(SqliteConnection connection, SqliteTransaction transaction)
    {
        var counts = new Dictionary<(string Term, string Expansion), int>();
        var tokens = new TitleTokens();
        using (SqliteCommand read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = "SELECT title FROM index_entries WHERE not_issued = 0;";
            using SqliteDataReader reader = read.ExecuteReader();
            while (reader.Read())
            {
                TitleAcronyms.Mine(tokens.Read(reader.GetString(0)), (term, expansion) =>
                {
                    (string, string) key = (term, string.Join(' ', expansion));
                    counts[key] = counts.GetValueOrDefault(key) + 1;
                });
            }
        }

        ReplaceRows(connection, transaction, "index_acronyms", [("term", SqliteType.Text), ("expansion", SqliteType.Text), ("count", SqliteType.Integer)],
            counts.Select(c => new object[] { c.Key.Term, c.Key.Expansion, c.Value }));
    }

    /// <summary>
    /// Entry numbers matching an FTS5 expression and the filter, at most <see cref="CandidatesPerQuery"/>: the best
    /// of <paramref name="scores"/> (bm25 of the whole query, which every candidate query's matches are among) first.
    /// Reads the matches' numbers only, not bm25: scoring each narrower query's matches
    /// again was most of a search's time in SQLite (measured: a broad query such as <c>sip</c> ran bm25 over the same
    /// rows four times).
    /// </summary>
    private List<int> CandidateIds(string fts, IndexSearchFilter filter, Dictionary<int, double> scores)
    {
        // Each match with what it is ordered by: its score, higher first, so negated.
        var matches = new List<(double Key, int Number)>();
        if (IsFiltered(filter))
        {
            foreach ((int number, _) in TitleMatches(fts, filter))
            {
                matches.Add((-scores.GetValueOrDefault(number), number));
            }
        }
        else
        {
            Rows("SELECT rowid FROM index_text WHERE index_text MATCH $q;", [("$q", fts)], row =>
            {
                int number = row.Int(0);
                matches.Add((-scores.GetValueOrDefault(number), number));
            });
        }

        return Best(matches);
    }

    /// <summary>Every issued entry matching an FTS5 expression and the filter, with its title's length.</summary>
    private List<(int Number, int Length)> TitleMatches(string fts, IndexSearchFilter filter)
    {
        var matches = new List<(int Number, int Length)>();
        Rows(
            $"SELECT e.number, length(e.title) FROM index_text JOIN index_rank e ON e.number = index_text.rowid WHERE index_text MATCH $q AND {FilterSql};",
            [("$q", fts), .. FilterParameters(filter)],
            row => matches.Add((row.Int(0), row.Int(1))));
        return matches;
    }

    /// <summary>The numbers of the <see cref="CandidatesPerQuery"/> matches of lowest key (ties: the newer RFC, as in ranking).</summary>
    private static List<int> Best(List<(double Key, int Number)> matches)
    {
        if (matches.Count > CandidatesPerQuery)
        {
            matches.Sort((a, b) => a.Key != b.Key ? a.Key.CompareTo(b.Key) : b.Number.CompareTo(a.Number));
            matches.RemoveRange(CandidatesPerQuery, matches.Count - CandidatesPerQuery);
        }

        var ids = new List<int>(matches.Count);
        foreach ((_, int number) in matches)
        {
            ids.Add(number);
        }

        return ids;
    }

    /// <summary>
    /// Every match of <see cref="AnyOf"/> <paramref name="query"/>, in rowid order, with its bm25 and where each of the
    /// query's phrases is in it (<see cref="PhraseColumns"/>).
    /// </summary>
    private PhraseColumns MatchPhrases(SearchQuery query)
    {
        sqlite3 db = Handle;
        if (!ReferenceEquals(_phrasesRegisteredOn, db))
        {
            int registered = PhraseColumns.Register(db);
            if (registered != raw.SQLITE_OK)
            {
                throw new SqliteException(string.Create(CultureInfo.InvariantCulture, $"SQLite Error {registered}: 'cannot register {PhraseColumns.Name}'."), registered);
            }

            _phrasesRegisteredOn = db;
        }

        int phrases = query.Terms.Count + ExpansionPhrases(query).Count();
        return PhraseColumns.Collect(phrases, IndexWeightValues, () => Rows(
            $"SELECT {PhraseColumns.Name}(index_text) FROM index_text WHERE index_text MATCH $q;",
            [("$q", AnyOf(query))],
            static _ => { }));
    }

    /// <summary>The handle <see cref="PhraseColumns.Name"/> was registered on (each connection needs its own registration); used under <see cref="_gate"/>.</summary>
    private sqlite3? _phrasesRegisteredOn;

    /// <summary>Those of <paramref name="numbers"/> that pass the filter.</summary>
    private HashSet<int> PassingFilter(List<int> numbers, IndexSearchFilter filter)
    {
        var passing = new HashSet<int>();
        Rows(
            $"SELECT e.number FROM json_each($ids) j JOIN index_rank e ON e.number = j.value WHERE {FilterSql};",
            [("$ids", JsonIds(numbers)), .. FilterParameters(filter)],
            row => passing.Add(row.Int(0)));
        return passing;
    }

    /// <summary>bm25 (negated: higher is better) of every entry matching <paramref name="fts"/>, by number.</summary>
    private Dictionary<int, double> TextScores(string fts)
    {
        // Every match of the query, not just the candidates: FTS5 re-runs a MATCH for each value of "rowid IN (…)"
        // (measured: 180 ms for 150 candidates, against 1 ms for all 400 matches of the query read once).
        var scores = new Dictionary<int, double>();
        Rows(
            $"SELECT rowid, bm25(index_text, {IndexWeights}) FROM index_text WHERE index_text MATCH $q;",
            [("$q", fts)],
            row => scores[row.Int(0)] = -row.Double(1));
        return scores;
    }

    /// <summary>
    /// <paramref name="ids"/> as a JSON array for <c>json_each</c>, written digit by digit: a string per number was a few
    /// kilobytes of a search's fresh memory, and every fresh page is a page fault (issue 12).
    /// </summary>
    private static string JsonIds(List<int> ids)
    {
        StringBuilder list = new(2 + (ids.Count * 6));
        list.Append('[');
        for (int i = 0; i < ids.Count; i++)
        {
            list.Append(i == 0 ? "" : ",").Append(ids[i]);
        }

        return list.Append(']').ToString();
    }

    /// <summary>
    /// What ranking needs about each of <paramref name="ids"/> that passes the filter: title, keywords, status,
    /// stream, obsolescence, how many RFCs update it, sub-series membership, and its text score from
    /// <paramref name="scores"/> (<see cref="TextScores"/> of the query; empty when there is no text to score).
    /// </summary>
    private List<IndexCandidate> ReadCandidates(List<int> ids, Dictionary<int, double> scores, IndexSearchFilter filter, Dictionary<int, RfcDate?> dates, HashSet<int> partial)
    {
        var candidates = new List<IndexCandidate>(ids.Count);
        if (ids.Count == 0)
        {
            return candidates;
        }

        // A join over the (distinct) numbers, not "e.number IN (SELECT value FROM json_each($ids))": the IN list is a
        // temporary b-tree, and a temporary b-tree's page cache first allocates room for 20 pages and touches each
        // (pcache1's bulk allocation; perf record -e page-faults put about 22 of rfc search sip's faults there).
        Rows(
            $"""
            SELECT e.number, e.title, e.keywords, e.current_status, e.stream, e.year, e.month, e.day, e.obsoleted, e.updated_by, e.subseries
            FROM json_each($ids) j JOIN index_rank e ON e.number = j.value
            WHERE {FilterSql};
            """,
            [("$ids", JsonIds(ids)), .. FilterParameters(filter)],
            row =>
            {
                int number = row.Int(0);
                dates[number] = row.IsNull(5) || row.IsNull(6) ? null : new RfcDate(row.Int(5), row.Int(6), row.IsNull(7) ? null : row.Int(7));
                candidates.Add(new IndexCandidate
                {
                    Number = new RfcNumber(number),
                    Title = row.Text(1) ?? "",
                    Keywords = (row.Text(2) ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries),
                    Status = RfcStatus.ParseUtf8(row.Utf8(3)),
                    Stream = row.Text(4),
                    IsObsoleted = row.Int(8) != 0,
                    UpdatedBy = row.Int(9),
                    InSubseries = row.Int(10) != 0,
                    TextScore = scores.GetValueOrDefault(number),
                    MatchesAll = !partial.Contains(number),
                });
            });

        return candidates;
    }

    /// <summary>
    /// Gives the obsoleted ones among <paramref name="candidates"/> their current versions (<c>index_current</c>), looked
    /// up for those alone (a tenth or so): joined to every candidate's row in <see cref="ReadCandidates"/>, the table was
    /// probed for each (SQLite seeks before it tests <c>e.obsoleted</c>), 1 to 2 % more instructions per search.
    /// </summary>
    private List<IndexCandidate> WithCurrentVersions(List<IndexCandidate> candidates)
    {
        Dictionary<int, int>? at = null;
        for (int i = 0; i < candidates.Count; i++)
        {
            if (candidates[i].IsObsoleted)
            {
                (at ??= [])[candidates[i].Number.Value] = i;
            }
        }

        if (at is not null)
        {
            Rows(
                "SELECT c.number, c.ends FROM json_each($ids) j JOIN index_current c ON c.number = j.value;",
                [("$ids", JsonIds([.. at.Keys]))],
                row =>
                {
                    int i = at[row.Int(0)];
                    candidates[i] = candidates[i] with { CurrentVersions = ParseNumbers(row.Utf8(1)) };
                });
        }

        return candidates;
    }

    /// <summary>The numbers of a space-separated list (<see cref="RefillCurrentSql"/>'s <c>ends</c>), in its order.</summary>
    private static int[] ParseNumbers(ReadOnlySpan<byte> list)
    {
        var numbers = new int[list.Count((byte)' ') + 1];
        int n = 0;
        foreach (Range part in list.Split((byte)' '))
        {
            numbers[n++] = int.Parse(list[part], NumberStyles.None, CultureInfo.InvariantCulture);
        }

        return numbers;
    }

    /// <summary>
    /// Refills <c>index_rank</c>, one narrow row per issued entry with what a search reads of it: the entry's title,
    /// keywords, status, stream, date and working group, and its relations: obsoleted (by its own obsoleted-by or
    /// another's obsoletes), how many RFCs update it (whichever direction lists more), and whether it belongs to a
    /// sub-series. Derived from the entries and run in the transaction that changed them
    /// (<see cref="IndexUpdate.Commit"/>) and by the migration that made the table, so a search reads one row per
    /// candidate instead of five correlated subqueries (measured with Python's sqlite3 on 378 candidates of the XML
    /// index: 3.3 ms, then 2.2 ms), and a row a few times smaller than the entry's (see Schema, migration 8).
    /// </summary>
    internal const string RefillRankSql =
        """
        DELETE FROM index_rank;
        INSERT INTO index_rank (number, title, keywords, current_status, stream, year, month, day, wg, obsoleted, updated_by, subseries)
        SELECT e.number, e.title, e.keywords, e.current_status, e.stream, e.year, e.month, e.day, e.wg,
            EXISTS (SELECT 1 FROM index_relations r WHERE r.from_number = e.number AND r.kind = 'obsoleted-by')
                OR EXISTS (SELECT 1 FROM index_relations r WHERE r.target = 'RFC' || e.number AND r.kind = 'obsoletes'),
            max((SELECT count(*) FROM index_relations r WHERE r.from_number = e.number AND r.kind = 'updated-by'),
                (SELECT count(*) FROM index_relations r WHERE r.target = 'RFC' || e.number AND r.kind = 'updates')),
            EXISTS (SELECT 1 FROM index_relations r WHERE r.from_number = e.number AND r.kind = 'is-also')
        FROM index_entries e WHERE e.not_issued = 0;
        """;

    /// <summary>
    /// Refills <c>index_current</c>: for each obsoleted RFC, the ends of its obsoleted-by chain (the RFCs that obsolete
    /// it, by its entry or by theirs, followed until one is not obsoleted), as <see cref="ObsoletedByChain"/> walks it
    /// one statement per step; space-separated numbers in number order. Derived from the relations and run with
    /// <see cref="RefillRankSql"/>, so a search reads its obsoleted candidates' current versions in one statement
    /// (<see cref="WithCurrentVersions"/>): ranking gives a replacement the name of the RFC it replaces
    /// (<see cref="SearchRanker"/>), and the hits show it. UNION, not UNION ALL, in the walk:
    /// a cycle in the relations ends it. Checked against <see cref="ObsoletedByChain"/> for every obsoleted RFC of both
    /// real indexes (1,384 each; a test does the same); about 11 ms per changing sync.
    /// </summary>
    internal const string RefillCurrentSql =
        """
        DELETE FROM index_current;
        INSERT INTO index_current (number, ends)
        WITH RECURSIVE
            step(number, next) AS (
                SELECT from_number, CAST(substr(target, 4) AS INTEGER) FROM index_relations
                WHERE kind = 'obsoleted-by' AND target GLOB 'RFC[0-9]*'
                UNION
                SELECT CAST(substr(target, 4) AS INTEGER), from_number FROM index_relations
                WHERE kind = 'obsoletes' AND target GLOB 'RFC[0-9]*'),
            walk(number, next) AS (
                SELECT number, next FROM step
                UNION
                SELECT walk.number, step.next FROM walk JOIN step ON step.number = walk.next)
        SELECT number, group_concat(next, ' ') FROM (
            SELECT number, next FROM walk
            WHERE next <> number AND next NOT IN (SELECT number FROM step)
            ORDER BY number, next)
        GROUP BY number;
        """;

    /// <summary>
    /// Merges <c>index_text</c> into one segment, after a sync changed entries and by the migration that added it. Rows
    /// inserted one by one leave FTS5 several segments (it merges only when a level fills), and every term of a query is
    /// then read from each and merged on the fly: on the XML index as a sync left it, <c>rfc search sip</c> ran 25.8M
    /// instructions, 21.2M after this (benchmarks/search-instructions.sh), for about 0.1 s more per changing sync.
    /// </summary>
    internal const string OptimizeTextSql = "INSERT INTO index_text (index_text) VALUES ('optimize');";

    /// <summary>
    /// Runs one read on the store's connection through SQLite's C API (<see cref="RawStatement"/>): the reads of
    /// hundreds of rows an index search makes. Each statement is prepared once per store and kept (<c>_statements</c>):
    /// a search runs some twice (the whole and the partial candidates), the obsoleted-by chain one per RFC of it, and preparing
    /// was a twelfth of a search's instructions (callgrind, <c>rfc search sip</c>: 23 prepares, 1.7M). A failure throws the <see cref="SqliteException"/> that
    /// Microsoft.Data.Sqlite would have, so callers map it alike.
    /// </summary>
    private void Rows(string sql, (string Name, object? Value)[] parameters, Action<RawRow> row)
    {
        sqlite3 db = Handle;
        string? error;
        if (!_statements.TryGetValue(sql, out sqlite3_stmt? statement))
        {
            int prepared = RawStatement.Prepare(db, sql, out sqlite3_stmt? fresh, out error);
            if (prepared != raw.SQLITE_OK)
            {
                throw new SqliteException(string.Create(CultureInfo.InvariantCulture, $"SQLite Error {prepared}: '{error}'."), prepared);
            }

            _statements[sql] = statement = fresh!;
        }

        int result = RawStatement.Run(db, statement, bound =>
        {
            foreach ((string name, object? value) in parameters)
            {
                RawStatement.Bind(bound, name, value);
            }
        }, row, out error);
        if (result != raw.SQLITE_DONE)
        {
            throw new SqliteException(string.Create(CultureInfo.InvariantCulture, $"SQLite Error {result}: '{error}'."), result);
        }
    }

    /// <summary>The first column of the first row of <paramref name="sql"/> (a count, an EXISTS) through <see cref="Rows"/>; 0 when there is no row.</summary>
    private long Scalar(string sql, (string Name, object? Value)[] parameters)
    {
        long value = 0;
        bool first = true;
        Rows(sql, parameters, row =>
        {
            if (first)
            {
                value = row.Int64(0);
                first = false;
            }
        });
        return value;
    }

    private static bool IsFiltered(IndexSearchFilter filter) =>
        filter.Status is not null || filter.Since is not null || filter.Author is not null || filter.WorkingGroup is not null;

    /// <summary>
    /// The filter over <c>index_rank</c> (as <c>e</c>). Authors are not copied there, for --author alone: the entry's own
    /// row is read for the candidates that reach it.
    /// </summary>
    private const string FilterSql =
        """
        ($status IS NULL OR e.current_status = $status)
            AND ($since IS NULL OR e.year >= $since)
            AND ($author IS NULL OR EXISTS (SELECT 1 FROM index_entries a WHERE a.number = e.number AND a.authors LIKE '%' || $author || '%' ESCAPE '\'))
            AND ($wg IS NULL OR e.wg = $wg COLLATE NOCASE)
        """;

    private static (string Name, object? Value)[] FilterParameters(IndexSearchFilter filter) =>
    [
        ("$status", filter.Status),
        ("$since", filter.Since),
        ("$author", filter.Author?.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal)),
        ("$wg", filter.WorkingGroup),
    ];

    /// <summary>
    /// Any of the query's words, or the phrases its acronyms stand for, in the searched columns: the text score's query.
    /// Its phrases are numbered in this order (FTS5 numbers them as written): each term's, then each expansion's
    /// (<see cref="ExpansionPhrases"/>).
    /// </summary>
    private static string AnyOf(SearchQuery query)
    {
        var parts = new List<string>(query.Terms.Select(t => Phrase(t.Text)));
        foreach (IReadOnlyList<IReadOnlyList<string>> expansions in query.Expansions.Values)
        {
            foreach (IReadOnlyList<string> expansion in expansions)
            {
                parts.Add(Phrase(string.Join(' ', expansion)));
            }
        }

        return $"{TextColumns} : ({string.Join(" OR ", parts)})";
    }

    /// <summary>Each acronym expansion of <see cref="AnyOf"/>, with the term it expands and its phrase's number there.</summary>
    private static IEnumerable<(QueryTerm Term, int Phrase)> ExpansionPhrases(SearchQuery query)
    {
        int phrase = query.Terms.Count;
        foreach ((QueryTerm term, IReadOnlyList<IReadOnlyList<string>> expansions) in query.Expansions)
        {
            for (int i = 0; i < expansions.Count; i++)
            {
                yield return (term, phrase++);
            }
        }
    }

    /// <summary>The number in <see cref="AnyOf"/> of <paramref name="term"/>'s phrase: the first term of the same text.</summary>
    private static int PhraseOf(SearchQuery query, QueryTerm term)
    {
        for (int i = 0; i < query.Terms.Count; i++)
        {
            if (query.Terms[i].Text == term.Text)
            {
                return i;
            }
        }

        throw new ArgumentException($"'{term.Text}' is not a term of the query", nameof(term));
    }

    private static string Phrase(string word) => "\"" + word.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>
    /// Replaces each word of <see cref="SpellingCorrector.MinLength"/> letters or more that no entry's title, abstract or keywords holds by the closest
    /// word of the index's titles and keywords (<see cref="SpellingCorrector"/>), looked up in the vocabulary the sync
    /// keeps (<see cref="RebuildVocabulary"/>): only the words of a near length and letter set are read.
    /// </summary>
    private SearchQuery CorrectSpelling(SearchQuery query)
    {
        List<QueryTerm> unknown = [.. query.NameTerms.Where(t => t.Tokens.Count == 1 && t.Text.Length >= SpellingCorrector.MinLength && t.Text.All(char.IsLetter) && CountMatches(Phrase(t.Text)) == 0)];
        if (unknown.Count == 0)
        {
            return query;
        }

        EnsureVocabulary();
        bool changed = false;
        var terms = new List<QueryTerm>(query.Terms.Count);
        foreach (QueryTerm term in query.Terms)
        {
            string? correction = unknown.Contains(term) ? SpellingCorrector.Correct(term.Text, VocabularyNear(term.Text)) : null;
            changed |= correction is not null;
            terms.Add(correction is null ? term : new QueryTerm(correction, [correction], false));
        }

        return changed ? query.WithTerms(terms) : query;
    }

    private long CountMatches(string phrase) => Scalar("SELECT count(*) FROM index_text WHERE index_text MATCH $q;", [("$q", $"{TextColumns} : {phrase}")]);

    /// <summary>The longest word a correction can be (no English or protocol word in a title comes near it).</summary>
    private const int MaxWordLength = 64;

    /// <summary>
    /// The vocabulary's words that could be corrections of <paramref name="word"/>, with how often each occurs: within
    /// <see cref="SpellingCorrector.MaxEdits"/> of its length, and whose letter sets differ from its by at most that
    /// many letters each way (<see cref="SpellingCorrector.LetterMask"/>). A covering index gives the words of a near
    /// length with their masks; the masks are compared here, and only the few words that pass are read as text
    /// (in SQL the comparison was a dozen expressions per word, a third of a misspelt search's instructions over the
    /// 3,000 words of lengths 5 to 9). In alphabetical order (ordinal, as SQLite orders UTF-8: the vocabulary's words
    /// hold no surrogates), so a tie in distance and frequency goes to the same word every time.
    /// </summary>
    private Dictionary<string, int> VocabularyNear(string word)
    {
        long mask = SpellingCorrector.LetterMask(word);
        var near = new List<(string Word, int Count)>();
        Rows(
            "SELECT v.mask, v.count, v.word FROM index_vocabulary v INDEXED BY index_vocabulary_by_length WHERE v.length BETWEEN $shortest AND $longest;",
            [
                ("$shortest", word.Length - SpellingCorrector.MaxEdits),
                ("$longest", Math.Min(word.Length + SpellingCorrector.MaxEdits, MaxWordLength)),
            ],
            row =>
            {
                long other = row.Int64(0);
                if (BitOperations.PopCount((ulong)(other & ~mask)) <= SpellingCorrector.MaxEdits
                    && BitOperations.PopCount((ulong)(mask & ~other)) <= SpellingCorrector.MaxEdits)
                {
                    near.Add((row.Text(2) ?? "", row.Int(1)));
                }
            });
        near.Sort((a, b) => string.CompareOrdinal(a.Word, b.Word));
        var words = new Dictionary<string, int>(near.Count, StringComparer.Ordinal);
        foreach ((string candidate, int count) in near)
        {
            words[candidate] = count;
        }

        return words;
    }

    /// <summary>Fills the vocabulary when the index has entries and it has none (a store migrated from schema 4 that has not synced since). Call with the lock held.</summary>
    private void EnsureVocabulary()
    {
        if (Scalar("SELECT NOT EXISTS (SELECT 1 FROM index_vocabulary) AND EXISTS (SELECT 1 FROM index_entries);", []) != 0)
        {
            using SqliteTransaction transaction = Connection.BeginTransaction(deferred: false);
            RebuildVocabulary(Connection, transaction);
            transaction.Commit();
        }
    }

    /// <summary>
    /// Rebuilds the spelling vocabulary from the index: every run of three to <see cref="MaxWordLength"/> letters or
    /// digits in an issued entry's title and keywords, lowercased, with how many times it occurs, its length and its
    /// letter set. Runs inside the sync's transaction (<see cref="IndexUpdate.Commit"/>), so the vocabulary always
    /// matches the index it came from.
    /// </summary>
    internal static void RebuildVocabulary(SqliteConnection connection, SqliteTransaction transaction)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> lookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> lower = stackalloc char[MaxWordLength];
        using (SqliteCommand read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = "SELECT title || ' ' || keywords FROM index_entries WHERE not_issued = 0;";
            using SqliteDataReader reader = read.ExecuteReader();
            while (reader.Read())
            {
                ReadOnlySpan<char> text = reader.GetString(0);
                int i = 0;
                while (i < text.Length)
                {
                    while (i < text.Length && !char.IsLetterOrDigit(text[i]))
                    {
                        i++;
                    }

                    int start = i;
                    while (i < text.Length && char.IsLetterOrDigit(text[i]))
                    {
                        i++;
                    }

                    int length = i - start;
                    if (length < 3 || length > MaxWordLength)
                    {
                        continue;
                    }

                    text[start..i].ToLowerInvariant(lower);
                    ReadOnlySpan<char> word = lower[..length];
                    lookup[word] = lookup.TryGetValue(word, out int count) ? count + 1 : 1;
                }
            }
        }

        ReplaceRows(connection, transaction, "index_vocabulary", [("word", SqliteType.Text), ("length", SqliteType.Integer), ("mask", SqliteType.Integer), ("count", SqliteType.Integer)],
            counts.Select(c => new object[] { c.Key, c.Key.Length, SpellingCorrector.LetterMask(c.Key), c.Value }));
    }

    /// <summary>Replaces every row of a table the sync derives from the index with <paramref name="rows"/>, inside its transaction.</summary>
    private static void ReplaceRows(SqliteConnection connection, SqliteTransaction transaction, string table, (string Name, SqliteType Type)[] columns, IEnumerable<object[]> rows)
    {
        using SqliteCommand clear = connection.CreateCommand();
        clear.Transaction = transaction;
        clear.CommandText = $"DELETE FROM {table};";
        clear.ExecuteNonQuery();
        using SqliteCommand insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns.Select(c => c.Name))}) VALUES ({string.Join(", ", columns.Select(c => "$" + c.Name))});";
        SqliteParameter[] parameters = [.. columns.Select(c => insert.Parameters.Add("$" + c.Name, c.Type))];
        foreach (object[] row in rows)
        {
            for (int i = 0; i < parameters.Length; i++)
            {
                parameters[i].Value = row[i];
            }

            insert.ExecuteNonQuery();
        }
    }
}
