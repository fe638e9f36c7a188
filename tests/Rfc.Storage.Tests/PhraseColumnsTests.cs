using SQLitePCL;

namespace Rfc.Storage.Tests;

/// <summary>
/// <c>rfc_match</c>, the FTS5 auxiliary function index search reads its matches through, on a real SQLite FTS5 table of
/// the index's shape (title, abstract, keywords, authors) in memory: where each phrase is, the title's words, and a
/// bm25 that must equal SQLite's own to the last bit.
/// </summary>
public sealed class PhraseColumnsTests : IDisposable
{
    private const string Columns = "{title abstract keywords}";

    private readonly sqlite3 _db;

    public PhraseColumnsTests()
    {
        SqliteInitializer.EnsureInitialized();
        Assert.Equal(raw.SQLITE_OK, raw.sqlite3_open(":memory:", out _db));
        Execute("CREATE VIRTUAL TABLE t USING fts5(title, abstract, keywords, authors, tokenize = 'porter unicode61 remove_diacritics 2');");
        Assert.Equal(raw.SQLITE_OK, PhraseColumns.Register(_db));
    }

    public void Dispose() => _db.Dispose();

    [Fact]
    public void EachPhrase_IsMarkedWhereItIs_WithTheTitlesWordCount()
    {
        Insert(3261, "SIP: Session Initiation Protocol", "This document describes SIP.", "", "J. Rosenberg");
        Insert(4566, "SDP: Session Description Protocol", "SDP is used by the Session Initiation Protocol.", "multimedia", "M. Handley");
        Insert(7000, "Something Else Entirely", "Nothing to see.", "sip", "A. Sipos");

        // Phrases 0 "sip", 1 "session initiation protocol", 2 "multimedia", 3 "rosenberg" (an author only: outside the
        // searched columns, so never marked, though its row matches through another phrase).
        PhraseColumns matches = Collect(4, $"{Columns} : (\"sip\" OR \"session initiation protocol\" OR \"multimedia\" OR \"rosenberg\")");
        Assert.Equal([3261, 4566, 7000], matches.Numbers);

        const byte Both = PhraseColumns.InTitle | PhraseColumns.InText;
        Assert.Equal([4, Both, Both, 0, 0], Row(0));
        Assert.Equal([4, 0, PhraseColumns.InText, PhraseColumns.InText, 0], Row(1));
        Assert.Equal([3, PhraseColumns.InText, 0, 0, 0], Row(2)); // In the keywords, not the title; not Sipos.

        int[] Row(int row) => [matches.TitleWords(row), .. Enumerable.Range(0, 4).Select(p =>
            (matches.Has(row, p, PhraseColumns.InTitle) ? PhraseColumns.InTitle : 0) | (matches.Has(row, p, PhraseColumns.InText) ? PhraseColumns.InText : 0))];
    }

    [Fact]
    public void Bm25_IsSqlitesOwn_ToTheLastBit()
    {
        // Rows of every length from a small vocabulary, so words repeat within rows and across columns, some phrases
        // occur only among the authors, and frequencies range from one row to most of them.
        string[] words = ["session", "initiation", "protocol", "transport", "layer", "security", "internet", "message", "format", "mail", "routing", "address"];
        var random = new Random(12);
        string Text(int most) => string.Join(' ', Enumerable.Range(0, random.Next(0, most)).Select(_ => words[random.Next(words.Length)]));
        for (int n = 1; n <= 400; n++)
        {
            Insert(n, Text(8), Text(60), Text(5), n % 7 == 0 ? "R. Security" : Text(3));
        }

        string[] queries =
        [
            $"{Columns} : (\"session\")",
            $"{Columns} : (\"session initiation protocol\" OR \"sip\" OR \"security\")",
            $"{Columns} : (\"mail\" OR \"message format\" OR \"routing\" OR \"address\" OR \"transport layer security\")",
            $"{Columns} : (\"protocol\" OR \"internet\" OR \"layer\")",
        ];
        foreach (string query in queries)
        {
            int phrases = query.Count(c => c == '"') / 2;
            PhraseColumns matches = Collect(phrases, query);
            var sqlite = new Dictionary<int, double>();
            // SQLite's bm25 with the weights the index search's SQL passes it, against ours with the numbers it passes.
            Run($"SELECT rowid, bm25(t, {RfcStore.IndexWeights}) FROM t WHERE t MATCH $q;", query, row => sqlite[row.Int(0)] = -row.Double(1));

            Assert.NotEmpty(sqlite);
            Assert.Equal(sqlite.Keys, matches.Numbers);
            Assert.All(matches.Numbers, n => Assert.Equal(BitConverter.DoubleToInt64Bits(sqlite[n]), BitConverter.DoubleToInt64Bits(matches.Scores[n])));
        }

        // The weights the index search passes are those its SQL bm25 uses.
        Assert.Equal([10.0, 1.0, 4.0, 2.0], RfcStore.IndexWeightValues);
    }

    [Fact]
    public void AQueryOfOtherPhrases_OrACallOutsideCollect_FailsTheStatement()
    {
        Insert(1, "Session Initiation Protocol", "", "", "");

        int wrongCount = 0;
        PhraseColumns.Collect(3, RfcStore.IndexWeightValues, () => wrongCount = RawStatement.Run(_db, "SELECT rfc_match(t) FROM t WHERE t MATCH 'session';", _ => { }, _ => { }, out _));
        int outside = RawStatement.Run(_db, "SELECT rfc_match(t) FROM t WHERE t MATCH 'session';", _ => { }, _ => { }, out _);

        Assert.Equal((raw.SQLITE_MISUSE, raw.SQLITE_MISUSE), (wrongCount, outside));
    }

    private PhraseColumns Collect(int phrases, string match) =>
        PhraseColumns.Collect(phrases, RfcStore.IndexWeightValues, () => Run("SELECT rfc_match(t) FROM t WHERE t MATCH $q;", match, _ => { }));

    private void Run(string sql, string match, Action<RawRow> row)
    {
        int result = RawStatement.Run(_db, sql, statement => RawStatement.Bind(statement, "$q", match), row, out string? error);
        Assert.True(result == raw.SQLITE_DONE, error);
    }

    private void Insert(int rowid, string title, string @abstract, string keywords, string authors)
    {
        int result = RawStatement.Run(
            _db,
            "INSERT INTO t (rowid, title, abstract, keywords, authors) VALUES ($n, $title, $abstract, $keywords, $authors);",
            statement =>
            {
                RawStatement.Bind(statement, "$n", rowid);
                RawStatement.Bind(statement, "$title", title);
                RawStatement.Bind(statement, "$abstract", @abstract);
                RawStatement.Bind(statement, "$keywords", keywords);
                RawStatement.Bind(statement, "$authors", authors);
            },
            _ => { },
            out string? error);
        Assert.True(result == raw.SQLITE_DONE, error);
    }

    private void Execute(string sql) => Assert.Equal(raw.SQLITE_OK, raw.sqlite3_exec(_db, sql));
}
