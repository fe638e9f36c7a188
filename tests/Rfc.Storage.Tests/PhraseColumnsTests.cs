using SQLitePCL;

namespace Rfc.Storage.Tests;

/// <summary>
/// <c>rfc_phrases</c>, the FTS5 auxiliary function index search answers its candidate queries from, on a real SQLite
/// FTS5 table of the index's shape (title, abstract, keywords, authors) in memory.
/// </summary>
public sealed class PhraseColumnsTests : IDisposable
{
    private readonly sqlite3 _db;

    public PhraseColumnsTests()
    {
        SqliteInitializer.EnsureInitialized();
        Assert.Equal(raw.SQLITE_OK, raw.sqlite3_open(":memory:", out _db));
        Execute("CREATE VIRTUAL TABLE t USING fts5(title, abstract, keywords, authors, tokenize = 'porter unicode61 remove_diacritics 2');");
        Execute("INSERT INTO t (rowid, title, abstract, keywords, authors) VALUES (3261, 'SIP: Session Initiation Protocol', 'This document describes SIP.', '', 'J. Rosenberg');");
        Execute("INSERT INTO t (rowid, title, abstract, keywords, authors) VALUES (4566, 'SDP: Session Description Protocol', 'SDP is used by the Session Initiation Protocol.', 'multimedia', 'M. Handley');");
        Execute("INSERT INTO t (rowid, title, abstract, keywords, authors) VALUES (7000, 'Something Else Entirely', 'Nothing to see.', 'sip', 'A. Sipos');");
        Assert.Equal(raw.SQLITE_OK, PhraseColumns.Register(_db));
    }

    public void Dispose() => _db.Dispose();

    [Fact]
    public void EachPhrase_IsMarkedWhereItIs_WithTheTitlesWordCount()
    {
        // Phrases 0 "sip", 1 "session initiation protocol", 2 "multimedia", 3 "rosenberg" (an author only: outside the
        // searched columns, so never marked, though its row matches through another phrase).
        Dictionary<long, long> values = Values("{title abstract keywords} : (\"sip\" OR \"session initiation protocol\" OR \"multimedia\" OR \"rosenberg\")", 0);
        Assert.Equal([3261, 4566, 7000], values.Keys.Order());

        const int Both = PhraseColumns.InTitle | PhraseColumns.InText;
        Assert.Equal((4, Both, Both, 0, 0), Decode(values[3261]));
        Assert.Equal((4, 0, PhraseColumns.InText, PhraseColumns.InText, 0), Decode(values[4566]));
        Assert.Equal((3, PhraseColumns.InText, 0, 0, 0), Decode(values[7000])); // In the keywords, not the title; not Sipos.

        static (int, int, int, int, int) Decode(long value) => (PhraseColumns.TitleWords(value),
            PhraseColumns.Where(value, 0), PhraseColumns.Where(value, 1), PhraseColumns.Where(value, 2), PhraseColumns.Where(value, 3));
    }

    [Fact]
    public void PhrasesBeyondOneValue_AreInTheNext()
    {
        // 30 phrases: "sip" is phrase 29, the second of the value that starts at 28; the first value says nothing of it.
        string[] phrases = [.. Enumerable.Range(0, 29).Select(i => $"\"absent{i}\""), "\"sip\""];
        string query = $"{{title abstract keywords}} : ({string.Join(" OR ", phrases)})";
        long first = Values(query, 0)[3261];
        long second = Values(query, PhraseColumns.PhrasesPerValue)[3261];

        Assert.All(Enumerable.Range(0, PhraseColumns.PhrasesPerValue), p => Assert.Equal(0, PhraseColumns.Where(first, p)));
        Assert.Equal(0, PhraseColumns.Where(second, 28));
        Assert.Equal(PhraseColumns.InTitle | PhraseColumns.InText, PhraseColumns.Where(second, 29));
        Assert.Equal((4, 4), (PhraseColumns.TitleWords(first), PhraseColumns.TitleWords(second)));
    }

    [Fact]
    public void AFirstPhraseBeyondTheQuerys_IsAnError()
    {
        int result = RawStatement.Run(_db, "SELECT rfc_phrases(t, 5) FROM t WHERE t MATCH 'sip';", _ => { }, _ => { }, out string? error);
        Assert.Equal(raw.SQLITE_MISUSE, result);
        Assert.NotNull(error);
    }

    /// <summary>rowid to the function's value for phrases from <paramref name="first"/>, for every match of <paramref name="match"/>.</summary>
    private Dictionary<long, long> Values(string match, int first)
    {
        var values = new Dictionary<long, long>();
        int result = RawStatement.Run(
            _db,
            $"SELECT rowid, rfc_phrases(t, {first}) FROM t WHERE t MATCH $q;",
            statement => RawStatement.Bind(statement, "$q", match),
            row => values[row.Int64(0)] = row.Int64(1),
            out string? error);
        Assert.True(result == raw.SQLITE_DONE, error);
        return values;
    }

    private void Execute(string sql) => Assert.Equal(raw.SQLITE_OK, raw.sqlite3_exec(_db, sql));
}
