using Microsoft.Data.Sqlite;

namespace Rfc.Storage;

/// <summary>
/// One shard of the full-text index: its own SQLite file, written by one thread. It holds no text: a
/// contentless FTS5 table of the units, each unit's page and byte range in the stored document, the headings
/// with their position, and the SHA-256 of every document it covers (so updates are incremental and a
/// changed document is indexed again). A document and everything the shard knows of it change in one
/// transaction.
/// </summary>
internal sealed class FullTextShard : IDisposable
{
    /// <summary>The FTS5 tokenizer; a search's snippets are computed with the same one.</summary>
    public const string Tokenizer = "porter unicode61 remove_diacritics 2";

    private const string SchemaSql =
        $"""
        CREATE TABLE IF NOT EXISTS covered (number INTEGER PRIMARY KEY, sha256 TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS units (id INTEGER PRIMARY KEY, page INTEGER, byte_start INTEGER NOT NULL, byte_length INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS headings (unit INTEGER NOT NULL, offset INTEGER NOT NULL, heading TEXT NOT NULL, PRIMARY KEY (unit, offset)) WITHOUT ROWID;
        CREATE VIRTUAL TABLE IF NOT EXISTS unit_text USING fts5(body, content = '', contentless_delete = 1, tokenize = '{Tokenizer}');
        """;

    /// <summary>FTS5's defaults (automerge 4, crisismerge 16), put back after a bulk build.</summary>
    private const string IncrementalMergingSql =
        "INSERT INTO unit_text (unit_text, rank) VALUES ('automerge', 4); INSERT INTO unit_text (unit_text, rank) VALUES ('crisismerge', 16);";

    /// <summary>
    /// A bulk build merges nothing while it writes (each transaction's segment stays as it is) and merges all of
    /// them once at the end (<c>optimize</c>): every term is rewritten once instead of at every level of the
    /// incremental merge tree. 2000 is FTS5's limit on segments per level; a build makes a few dozen.
    /// </summary>
    private const string BulkMergingSql =
        "INSERT INTO unit_text (unit_text, rank) VALUES ('automerge', 0); INSERT INTO unit_text (unit_text, rank) VALUES ('crisismerge', 2000);";

    private readonly SqliteConnection _connection;
    private SqliteCommand? _remove;
    private SqliteCommand? _text;
    private SqliteCommand? _unit;
    private SqliteCommand? _heading;
    private SqliteCommand? _covered;

    private FullTextShard(SqliteConnection connection, string path)
    {
        _connection = connection;
        Path = path;
    }

    /// <summary>The shard's file.</summary>
    public string Path { get; }

    /// <summary>Opens (creating) the shard at <paramref name="path"/>.</summary>
    public static FullTextShard Open(string path)
    {
        SqliteInitializer.EnsureInitialized();
        SqliteConnection connection = new(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString());
        try
        {
            connection.Open();
            Execute(connection, $"PRAGMA busy_timeout = {RfcStore.BusyTimeoutMilliseconds}; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
            Execute(connection, SchemaSql);
            return new FullTextShard(connection, path);
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw RfcStore.Damaged(path, e);
        }
    }

    /// <summary>The schema a shard has, for attaching a shard that does not exist yet.</summary>
    public static void EnsureCreated(string path)
    {
        using FullTextShard shard = Open(path);
    }

    /// <summary>Every covered document's number and SHA-256.</summary>
    public Dictionary<int, string> Covered()
    {
        Dictionary<int, string> covered = [];
        using SqliteCommand command = _connection.CreateCommand();
        command.CommandText = "SELECT number, sha256 FROM covered;";
        using SqliteDataReader reader = command.ExecuteReader();
        while (reader.Read())
        {
            covered[reader.GetInt32(0)] = reader.GetString(1);
        }

        return covered;
    }

    /// <summary>True when the shard covers no document (a new index, or a rebuild): the time for <see cref="BeginBulk"/>.</summary>
    public bool IsEmpty()
    {
        using SqliteCommand command = _connection.CreateCommand();
        command.CommandText = "SELECT NOT EXISTS (SELECT 1 FROM covered);";
        return command.ExecuteScalar() is 1L;
    }

    /// <summary>
    /// Prepares a build of many documents into an empty shard: no merging until <see cref="EndBulk"/>, and no
    /// fsync (the shard is derived data: WAL keeps a killed process from damaging it, and a lost power supply at
    /// worst loses the end of the build, which the next update redoes from the covered checksums).
    /// </summary>
    public void BeginBulk() => Execute(_connection, "PRAGMA synchronous = OFF; " + BulkMergingSql);

    /// <summary>Ends a bulk build: one merge of everything written, then FTS5's incremental merging again.</summary>
    public void EndBulk()
    {
        Optimize();
        Execute(_connection, IncrementalMergingSql);
        Execute(_connection, "PRAGMA synchronous = NORMAL;");
    }

    /// <summary>FTS5's own merge settings again, when a killed bulk build left its own in the shard (FTS5 keeps them in its config table).</summary>
    public void UseIncrementalMerging()
    {
        using SqliteCommand command = _connection.CreateCommand();
        command.CommandText = "SELECT EXISTS (SELECT 1 FROM unit_text_config WHERE k = 'automerge' AND v = 0);";
        if (command.ExecuteScalar() is 1L)
        {
            Execute(_connection, IncrementalMergingSql);
        }
    }

    /// <summary>Starts a transaction for a batch of documents.</summary>
    public SqliteTransaction Begin() => _connection.BeginTransaction(deferred: false);

    /// <summary>Removes everything the shard knows of document <paramref name="number"/>.</summary>
    public void Remove(SqliteTransaction transaction, int number)
    {
        // Prepared once per shard (as are the inserts below) and bound again for every document.
        _remove ??= Prepare(
            """
            DELETE FROM unit_text WHERE rowid BETWEEN $lo AND $hi;
            DELETE FROM units WHERE id BETWEEN $lo AND $hi;
            DELETE FROM headings WHERE unit BETWEEN $lo AND $hi;
            DELETE FROM covered WHERE number = $n;
            """,
            ("$lo", SqliteType.Integer),
            ("$hi", SqliteType.Integer),
            ("$n", SqliteType.Integer));
        _remove.Transaction = transaction;
        _remove.Parameters[0].Value = DocumentUnits.UnitId(number, 0);
        _remove.Parameters[1].Value = DocumentUnits.UnitId(number, DocumentUnits.MaxUnits - 1);
        _remove.Parameters[2].Value = number;
        _remove.ExecuteNonQuery();
    }

    /// <summary>Indexes document <paramref name="number"/> (after <see cref="Remove"/> of any earlier version).</summary>
    public void Add(SqliteTransaction transaction, int number, string sha256, List<IndexUnit> units, List<IndexHeading> headings)
    {
        _text ??= Prepare("INSERT INTO unit_text (rowid, body) VALUES ($id, $body);", ("$id", SqliteType.Integer), ("$body", SqliteType.Text));
        _unit ??= Prepare(
            "INSERT INTO units (id, page, byte_start, byte_length) VALUES ($id, $page, $start, $length);",
            ("$id", SqliteType.Integer),
            ("$page", SqliteType.Integer),
            ("$start", SqliteType.Integer),
            ("$length", SqliteType.Integer));
        _heading ??= Prepare(
            "INSERT OR IGNORE INTO headings (unit, offset, heading) VALUES ($unit, $offset, $heading);",
            ("$unit", SqliteType.Integer),
            ("$offset", SqliteType.Integer),
            ("$heading", SqliteType.Text));
        _covered ??= Prepare("INSERT OR REPLACE INTO covered (number, sha256) VALUES ($n, $sha);", ("$n", SqliteType.Integer), ("$sha", SqliteType.Text));
        _text.Transaction = _unit.Transaction = _heading.Transaction = _covered.Transaction = transaction;

        SqliteParameterCollection text = _text.Parameters;
        SqliteParameterCollection unit = _unit.Parameters;
        for (int i = 0; i < units.Count; i++)
        {
            long id = DocumentUnits.UnitId(number, i);
            text[0].Value = id;
            text[1].Value = units[i].Text;
            _text.ExecuteNonQuery();
            unit[0].Value = id;
            unit[1].Value = (object?)units[i].Page ?? DBNull.Value;
            unit[2].Value = units[i].ByteStart;
            unit[3].Value = units[i].ByteLength;
            _unit.ExecuteNonQuery();
        }

        SqliteParameterCollection heading = _heading.Parameters;
        foreach (IndexHeading h in headings)
        {
            heading[0].Value = DocumentUnits.UnitId(number, h.Unit);
            heading[1].Value = h.Offset;
            heading[2].Value = h.Text;
            _heading.ExecuteNonQuery();
        }

        _covered.Parameters[0].Value = number;
        _covered.Parameters[1].Value = sha256;
        _covered.ExecuteNonQuery();
    }

    /// <summary>FTS5's own structural check of the shard's index; false when it reports damage.</summary>
    public bool IntegrityCheck()
    {
        try
        {
            Execute(_connection, "INSERT INTO unit_text (unit_text) VALUES ('integrity-check');");
            using SqliteCommand command = _connection.CreateCommand();
            command.CommandText = "PRAGMA quick_check;";
            return command.ExecuteScalar() is "ok";
        }
        catch (SqliteException)
        {
            return false;
        }
    }

    /// <summary>Merges the FTS5 b-trees into one after a large build (smaller, faster to query).</summary>
    public void Optimize() => Execute(_connection, "INSERT INTO unit_text (unit_text) VALUES ('optimize');");

    /// <inheritdoc />
    public void Dispose()
    {
        _remove?.Dispose();
        _text?.Dispose();
        _unit?.Dispose();
        _heading?.Dispose();
        _covered?.Dispose();
        _connection.Dispose();
    }

    private SqliteCommand Prepare(string sql, params ReadOnlySpan<(string Name, SqliteType Type)> parameters)
    {
        SqliteCommand command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach ((string name, SqliteType type) in parameters)
        {
            command.Parameters.Add(name, type);
        }

        return command;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
