using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Rfc.Documents;

namespace Rfc.Storage;

/// <summary>
/// The local library: one SQLite database in WAL mode (readers never wait for the writer, a killed
/// writer loses only its own uncommitted transaction) with a busy timeout so two rfc processes can work
/// at once. Every write is one transaction: a document and its search text appear together or not at all.
/// Thread-safe: calls are serialised on the one connection.
/// </summary>
public sealed partial class RfcStore : IAsyncDisposable, IDisposable
{
    /// <summary>The database file's name inside the store directory.</summary>
    public const string FileName = "rfc.db";

    /// <summary>
    /// How long a statement waits for another process's write lock. A mirror commits every document in
    /// its own short transaction, so a reader never waits long; 10 s covers a slow disk.
    /// </summary>
    public const int BusyTimeoutMilliseconds = 10_000;

    private readonly SqliteConnection _connection;

    // One connection, used from several threads by the mirror (workers read, one writer commits):
    // SQLite connections are not thread-safe, so every use takes this lock.
    private readonly Lock _gate = new();

    private RfcStore(SqliteConnection connection, string directory)
    {
        _connection = connection;
        Directory = directory;
    }

    /// <summary>The store's directory.</summary>
    public string Directory { get; }

    /// <summary>The database file.</summary>
    public string DatabasePath => Path.Combine(Directory, FileName);

    /// <summary>
    /// Opens (creating on first use) the store in <paramref name="directory"/> and brings its schema up to
    /// date. Throws <see cref="StoreException"/> saying what to do when it cannot.
    /// </summary>
    public static RfcStore Open(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        try
        {
            System.IO.Directory.CreateDirectory(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StoreException($"cannot create the store directory {directory} ({e.Message}; set RFC_HOME to a writable directory)", e);
        }

        SqliteInitializer.EnsureInitialized();
        string path = Path.Combine(directory, FileName);
        SqliteConnection connection = new(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString());
        try
        {
            connection.Open();
            Execute(connection, $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds};");
            Execute(connection, "PRAGMA journal_mode = WAL;");
            Execute(connection, "PRAGMA synchronous = NORMAL;");
            Execute(connection, "PRAGMA foreign_keys = ON;");
            Migrate(connection);
            return new RfcStore(connection, directory);
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw Damaged(path, e);
        }
    }

    /// <summary>The stored document <paramref name="number"/>, or null.</summary>
    public StoredDocument? GetDocument(RfcNumber number)
    {
        return Run(() =>
        {
            using SqliteCommand command = Command("SELECT content, etag, last_modified, fetched_at, sha256, source FROM documents WHERE number = $n;", ("$n", number.Value));
            using SqliteDataReader reader = command.ExecuteReader();
            if (!reader.Read())
            {
                return null;
            }

            return new StoredDocument(
                number,
                (byte[])reader.GetValue(0),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.IsDBNull(2) ? null : ParseTime(reader.GetString(2)),
                ParseTime(reader.GetString(3)),
                reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5));
        });
    }

    /// <summary>True when document <paramref name="number"/> is stored.</summary>
    public bool Contains(RfcNumber number) => Run(() =>
    {
        using SqliteCommand command = Command("SELECT 1 FROM documents WHERE number = $n;", ("$n", number.Value));
        return command.ExecuteScalar() is not null;
    });

    /// <summary>
    /// Stores (or replaces) a document and its search text in one transaction, so a killed process leaves
    /// either the old version or the new one, never half of either.
    /// </summary>
    public void PutDocument(StoredDocument document, string searchText) => PutDocuments([(document, searchText)]);

    /// <summary>
    /// Stores several documents in one transaction (the mirror's batches: one commit, one fsync, for many
    /// documents). All of them are stored, or none.
    /// </summary>
    public void PutDocuments(IReadOnlyList<(StoredDocument Document, string SearchText)> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        Run(() =>
        {
            using SqliteTransaction transaction = _connection.BeginTransaction(deferred: false);
            using SqliteCommand upsert = Command(
                """
                INSERT INTO documents (number, content, size, sha256, etag, last_modified, fetched_at, source)
                VALUES ($n, $content, $size, $sha, $etag, $modified, $fetched, $source)
                ON CONFLICT (number) DO UPDATE SET content = excluded.content, size = excluded.size, sha256 = excluded.sha256,
                    etag = excluded.etag, last_modified = excluded.last_modified, fetched_at = excluded.fetched_at, source = excluded.source;
                DELETE FROM document_text WHERE rowid = $n;
                INSERT INTO document_text (rowid, body) VALUES ($n, $body);
                """);
            upsert.Transaction = transaction;
            foreach ((StoredDocument document, string searchText) in documents)
            {
                upsert.Parameters.Clear();
                upsert.Parameters.AddWithValue("$n", document.Number.Value);
                upsert.Parameters.AddWithValue("$content", document.Content);
                upsert.Parameters.AddWithValue("$size", document.Content.LongLength);
                upsert.Parameters.AddWithValue("$sha", document.Sha256);
                upsert.Parameters.AddWithValue("$etag", (object?)document.ETag ?? DBNull.Value);
                upsert.Parameters.AddWithValue("$modified", (object?)FormatTime(document.LastModified) ?? DBNull.Value);
                upsert.Parameters.AddWithValue("$fetched", FormatTime(document.FetchedAt));
                upsert.Parameters.AddWithValue("$source", (object?)document.Source ?? DBNull.Value);
                upsert.Parameters.AddWithValue("$body", searchText);
                upsert.ExecuteNonQuery();
            }

            transaction.Commit();
            return 0;
        });
    }

    /// <summary>The numbers of every stored document, for a quick "already have it" check.</summary>
    public IReadOnlySet<int> StoredNumbers() => Run(() =>
    {
        HashSet<int> numbers = [];
        using SqliteCommand command = Command("SELECT number FROM documents;");
        using SqliteDataReader reader = command.ExecuteReader();
        while (reader.Read())
        {
            numbers.Add(reader.GetInt32(0));
        }

        return (IReadOnlySet<int>)numbers;
    });

    /// <summary>Records a successful revalidation (HTTP 304): the stored bytes stay, the time moves on.</summary>
    public void MarkRevalidated(RfcNumber number, DateTimeOffset at) => Run(() =>
    {
        using SqliteCommand command = Command("UPDATE documents SET fetched_at = $at WHERE number = $n;", ("$n", number.Value), ("$at", FormatTime(at)));
        return command.ExecuteNonQuery();
    });

    /// <summary>Every stored document, by number, without the bytes.</summary>
    public IReadOnlyList<StoredDocumentInfo> ListDocuments() => Run(() =>
    {
        List<StoredDocumentInfo> list = [];
        using SqliteCommand command = Command("SELECT number, size, fetched_at FROM documents ORDER BY number;");
        using SqliteDataReader reader = command.ExecuteReader();
        while (reader.Read())
        {
            list.Add(new StoredDocumentInfo(new RfcNumber(reader.GetInt32(0)), reader.GetInt64(1), ParseTime(reader.GetString(2))));
        }

        return (IReadOnlyList<StoredDocumentInfo>)list;
    });

    /// <summary>Removes every stored document (the index, when synced, stays); returns how many.</summary>
    public int ClearDocuments() => Run(() =>
    {
        using SqliteTransaction transaction = _connection.BeginTransaction(deferred: false);
        using SqliteCommand count = Command("DELETE FROM documents;");
        count.Transaction = transaction;
        int removed = count.ExecuteNonQuery();
        using SqliteCommand text = Command("DELETE FROM document_text;");
        text.Transaction = transaction;
        text.ExecuteNonQuery();
        transaction.Commit();
        return removed;
    });

    /// <summary>The SHA-256 of <paramref name="content"/> as lower-case hex.</summary>
    public static string Hash(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <inheritdoc />
    public void Dispose() => _connection.Dispose();

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private SqliteCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        SqliteCommand command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach ((string name, object? value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    private T Run<T>(Func<T> action)
    {
        try
        {
            lock (_gate)
            {
                return action();
            }
        }
        catch (SqliteException e)
        {
            throw Damaged(DatabasePath, e);
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static void Migrate(SqliteConnection connection)
    {
        using SqliteTransaction transaction = connection.BeginTransaction(deferred: false);
        using SqliteCommand version = connection.CreateCommand();
        version.Transaction = transaction;
        version.CommandText = "PRAGMA user_version;";
        long current = (long)version.ExecuteScalar()!;
        if (current > Schema.Migrations.Length)
        {
            throw new StoreException($"the store at {connection.DataSource} was written by a newer rfc (schema {current}, this rfc knows {Schema.Migrations.Length}); upgrade rfc or set RFC_HOME elsewhere");
        }

        for (long i = current; i < Schema.Migrations.Length; i++)
        {
            using SqliteCommand step = connection.CreateCommand();
            step.Transaction = transaction;
            step.CommandText = Schema.Migrations[i] + $"\nPRAGMA user_version = {i + 1};";
            step.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    internal static StoreException Damaged(string path, SqliteException e) => e.SqliteErrorCode switch
    {
        // SQLITE_BUSY / SQLITE_LOCKED: another process held the lock past the busy timeout.
        5 or 6 => new StoreException($"the store at {path} is busy (another rfc is writing); try again in a moment", e),
        // SQLITE_CORRUPT / SQLITE_NOTADB: the file is not a usable database.
        11 or 26 => new StoreException($"the store at {path} is damaged ({e.Message.TrimEnd('.')}); move it away or delete it and rfc will start a new one", e),
        // SQLITE_READONLY / SQLITE_CANTOPEN / SQLITE_PERM / SQLITE_IOERR / SQLITE_FULL.
        8 or 14 or 3 or 10 or 13 => new StoreException($"cannot write the store at {path} ({e.Message.TrimEnd('.')}); check its permissions and free space, or set RFC_HOME elsewhere", e),
        _ => new StoreException($"the store at {path} failed ({e.Message.TrimEnd('.')})", e),
    };

    private static string? FormatTime(DateTimeOffset? time) => time?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    internal static DateTimeOffset ParseTime(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
