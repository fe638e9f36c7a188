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

    private readonly SqliteConnection _connection;

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

    /// <summary>Starts a transaction for a batch of documents.</summary>
    public SqliteTransaction Begin() => _connection.BeginTransaction(deferred: false);

    /// <summary>Removes everything the shard knows of document <paramref name="number"/>.</summary>
    public void Remove(SqliteTransaction transaction, int number)
    {
        using SqliteCommand command = Command(
            transaction,
            """
            DELETE FROM unit_text WHERE rowid BETWEEN $lo AND $hi;
            DELETE FROM units WHERE id BETWEEN $lo AND $hi;
            DELETE FROM headings WHERE unit BETWEEN $lo AND $hi;
            DELETE FROM covered WHERE number = $n;
            """);
        command.Parameters.AddWithValue("$lo", DocumentUnits.UnitId(number, 0));
        command.Parameters.AddWithValue("$hi", DocumentUnits.UnitId(number, DocumentUnits.MaxUnits - 1));
        command.Parameters.AddWithValue("$n", number);
        command.ExecuteNonQuery();
    }

    /// <summary>Indexes document <paramref name="number"/> (after <see cref="Remove"/> of any earlier version).</summary>
    public void Add(SqliteTransaction transaction, int number, string sha256, List<IndexUnit> units, List<IndexHeading> headings)
    {
        using SqliteCommand text = Command(transaction, "INSERT INTO unit_text (rowid, body) VALUES ($id, $body);");
        SqliteParameter textId = text.Parameters.Add("$id", SqliteType.Integer);
        SqliteParameter body = text.Parameters.Add("$body", SqliteType.Text);
        using SqliteCommand unit = Command(transaction, "INSERT INTO units (id, page, byte_start, byte_length) VALUES ($id, $page, $start, $length);");
        SqliteParameter unitId = unit.Parameters.Add("$id", SqliteType.Integer);
        SqliteParameter page = unit.Parameters.Add("$page", SqliteType.Integer);
        SqliteParameter start = unit.Parameters.Add("$start", SqliteType.Integer);
        SqliteParameter length = unit.Parameters.Add("$length", SqliteType.Integer);
        for (int i = 0; i < units.Count; i++)
        {
            long id = DocumentUnits.UnitId(number, i);
            textId.Value = id;
            body.Value = units[i].Text;
            text.ExecuteNonQuery();
            unitId.Value = id;
            page.Value = (object?)units[i].Page ?? DBNull.Value;
            start.Value = units[i].ByteStart;
            length.Value = units[i].ByteLength;
            unit.ExecuteNonQuery();
        }

        using SqliteCommand heading = Command(transaction, "INSERT OR IGNORE INTO headings (unit, offset, heading) VALUES ($unit, $offset, $heading);");
        SqliteParameter headingUnit = heading.Parameters.Add("$unit", SqliteType.Integer);
        SqliteParameter offset = heading.Parameters.Add("$offset", SqliteType.Integer);
        SqliteParameter headingText = heading.Parameters.Add("$heading", SqliteType.Text);
        foreach (IndexHeading h in headings)
        {
            headingUnit.Value = DocumentUnits.UnitId(number, h.Unit);
            offset.Value = h.Offset;
            headingText.Value = h.Text;
            heading.ExecuteNonQuery();
        }

        using SqliteCommand covered = Command(transaction, "INSERT OR REPLACE INTO covered (number, sha256) VALUES ($n, $sha);");
        covered.Parameters.AddWithValue("$n", number);
        covered.Parameters.AddWithValue("$sha", sha256);
        covered.ExecuteNonQuery();
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
    public void Dispose() => _connection.Dispose();

    private SqliteCommand Command(SqliteTransaction transaction, string sql)
    {
        SqliteCommand command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
