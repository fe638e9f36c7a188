using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Rfc.Documents;
using SQLitePCL;

namespace Rfc.Storage;

/// <summary>
/// The local library: one SQLite database in WAL mode (readers never wait for the writer, a killed
/// writer loses only its own uncommitted transaction) with a busy timeout so two rfc processes can work
/// at once. Every write is one transaction: a document appears whole or not at all. The full-text index is
/// derived from the stored documents and lives in its own files (RfcStore.FullText.cs), so storing
/// a document never waits for indexing.
/// Thread-safe: calls are serialised on the one connection.
/// </summary>
internal sealed partial class RfcStore : IAsyncDisposable, IDisposable
{
    /// <summary>The database file's name inside the store directory.</summary>
    public const string FileName = "rfc.db";

    /// <summary>
    /// How long a statement waits for another process's write lock. A mirror commits every document in
    /// its own short transaction, so a reader never waits long; 10 s covers a slow disk.
    /// </summary>
    public const int BusyTimeoutMilliseconds = 10_000;

    /// <summary>
    /// The largest document <see cref="HashForOneRead"/> hashes in managed code. Measured with NativeAOT on RFC 2616
    /// (422 KB): <see cref="ManagedSha256"/> hashes at about 250 MB/s (1.7 ms), while OpenSSL's first hash costs
    /// 5.5 to 6.2 ms, nearly all of it loading libssl and libcrypto (about 200 page faults) before it hashes at
    /// 1.7 GB/s. The two meet near 1.3 MB on that machine and near 256 KiB on one where a page fault costs a quarter
    /// as much; 1 MiB keeps all but two of the corpus's 2,524 documents on the managed side.
    /// </summary>
    public const int ManagedHashLimit = 1024 * 1024;

    // One connection, used from several threads by the mirror (workers read, one writer commits):
    // SQLite connections are not thread-safe, so every use takes this lock.
    private readonly Lock _gate = new();

    /// <summary>Statements prepared by the raw reads (<c>Rows</c>), by their SQL, kept while their handle is open; used under <see cref="_gate"/>.</summary>
    private readonly Dictionary<string, SQLitePCL.sqlite3_stmt> _statements = new(StringComparer.Ordinal);

    /// <summary>
    /// The connection through Microsoft.Data.Sqlite (commands, transactions, blobs, the full-text shards); for a store
    /// that opened plain (<see cref="_plain"/>), made on first use by <see cref="Connection"/>.
    /// </summary>
    private SqliteConnection? _connection;

    /// <summary>
    /// An up-to-date store opens as a plain SQLite handle, and the reads that go through SQLite's C API (<c>Rows</c>:
    /// index search, the obsoleted-by chain) run on it alone. Microsoft.Data.Sqlite's connection costs a process more
    /// than the search it serves: parsing a connection string, the static set-up that finds SQLitePCL by reflection,
    /// its pool's pruning timer (a thread), five PRAGMA commands. Timed in one NativeAOT process, `rfc search sip`
    /// spent 5.2 to 5.9 ms from the start of the open to the migration check, on a machine where `rfc --version` takes
    /// 11 ms. The first use of <see cref="Connection"/> opens the full connection and closes this handle, so a store
    /// never reads through two connections at once (a transaction's own writes are always seen by its reads).
    /// </summary>
    private SQLitePCL.sqlite3? _plain;

    private bool _isReadOnly;

    private bool _disposed;

    private RfcStore(SqliteConnection? connection, SQLitePCL.sqlite3? plain, string directory)
    {
        _connection = connection;
        _plain = plain;
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
        if (OpenPlain(path) is { } plain)
        {
            return new RfcStore(null, plain, directory);
        }

        (SqliteConnection connection, bool readOnly) = OpenConnection(path);
        return new RfcStore(connection, null, directory) { _isReadOnly = readOnly };
    }

    /// <summary>
    /// The plain handle (<see cref="_plain"/>) of the store at <paramref name="path"/> when it exists, opens, and has the
    /// current schema; null for anything else (no store yet, a migration to run, damage, a lock held past the busy
    /// timeout), which the full open then handles and reports. Opened as the cached read's <see cref="StoreReader"/> opens,
    /// but without SQLite's per-handle mutex: every use of this handle is under <see cref="_gate"/> already, and the lock
    /// SQLite took around each of the thousands of column reads of a search was 4 to 7 % of its instructions
    /// (benchmarks/search-instructions.sh: sip 17.9M to 17.1M on the text index, 21.1M to 20.2M on the XML index).
    /// </summary>
    private static SQLitePCL.sqlite3? OpenPlain(string path)
    {
        if (StoreReader.OpenDatabase(path, out long version, guarded: true) is not { } db)
        {
            return null;
        }

        if (version != Schema.Migrations.Length || raw.sqlite3_exec(db, MmapPragma) != raw.SQLITE_OK)
        {
            db.Dispose();
            return null;
        }

        return db;
    }

    /// <summary>
    /// Reads through memory maps: a full-text hit reads a slice of a document's blob, which SQLite reaches by walking its
    /// overflow pages; mapped, that walk costs no system call per page.
    /// </summary>
    private const string MmapPragma = "PRAGMA mmap_size = 1073741824;";

    /// <summary>
    /// Opens the store's connection through Microsoft.Data.Sqlite, creating the database on first use and bringing its
    /// schema up to date; read-only (and true) when rfc may read but not write it. Throws <see cref="StoreException"/>
    /// saying what to do when it cannot.
    /// </summary>
    private static (SqliteConnection Connection, bool ReadOnly) OpenConnection(string path)
    {
        SqliteConnection connection = new(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString());
        try
        {
            connection.Open();
            Execute(connection, $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds};");
            Execute(connection, "PRAGMA journal_mode = WAL;");
            Execute(connection, "PRAGMA synchronous = NORMAL;");
            Execute(connection, MmapPragma);
            Execute(connection, "PRAGMA foreign_keys = ON;");
            Migrate(connection);
            return (connection, false);
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            // A store rfc may read but not write (another user's directory, a read-only mount, a full disk) still
            // serves reads; a write then says it cannot write, and only then.
            if (e.SqliteErrorCode is raw.SQLITE_READONLY or raw.SQLITE_CANTOPEN or raw.SQLITE_PERM or raw.SQLITE_IOERR or raw.SQLITE_FULL
                && File.Exists(path) && OpenReadOnly(path) is { } readOnly)
            {
                return (readOnly, true);
            }

            throw Damaged(path, e);
        }
    }

    /// <summary>True when the store was opened read-only (see <see cref="Open"/>): every write fails with "cannot write".</summary>
    public bool IsReadOnly
    {
        get
        {
            _ = Connection; // Only the full open can tell.
            return _isReadOnly;
        }
    }

    /// <summary>True once the store's connection through Microsoft.Data.Sqlite is open (for tests of the plain open).</summary>
    internal bool HasConnection => Volatile.Read(ref _connection) is not null;

    /// <summary>
    /// The store's connection through Microsoft.Data.Sqlite, opened on first use for a store that opened plain: its
    /// kept statements are finalized and its plain handle closed first, so every later read and write goes through
    /// this one connection. Throws <see cref="StoreException"/> when it cannot open (see <see cref="Open"/>).
    /// </summary>
    private SqliteConnection Connection
    {
        get
        {
            if (Volatile.Read(ref _connection) is { } open)
            {
                return open;
            }

            lock (_gate)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                if (_connection is null)
                {
                    (SqliteConnection connection, bool readOnly) = OpenConnection(DatabasePath);
                    FinalizeStatements();
                    _plain?.Dispose();
                    _plain = null;
                    _isReadOnly = readOnly;
                    Volatile.Write(ref _connection, connection);
                }

                return _connection;
            }
        }
    }

    /// <summary>The SQLite handle the raw reads run on: the full connection's once it is open, else the plain one.</summary>
    private SQLitePCL.sqlite3 Handle => _connection?.Handle ?? _plain ?? throw new ObjectDisposedException(nameof(RfcStore));

    /// <summary>The URI that opens <paramref name="path"/> read-only and immutable (the read-only store's full-text shards attach so too).</summary>
    private static string ImmutableUri(string path) => new Uri(Path.GetFullPath(path)).AbsoluteUri + "?immutable=1";

    /// <summary>
    /// Opens an up-to-date store read-only and immutable: without its <c>-wal</c> and <c>-shm</c> files and without
    /// locks, the only way SQLite reads a WAL database in a directory it cannot write. What a writer has not yet
    /// checkpointed is not seen (a clean close always checkpoints), and every document's SHA-256 is still checked
    /// on read. Null when that fails too, or when the schema needs a migration (a write).
    /// </summary>
    private static SqliteConnection? OpenReadOnly(string path)
    {
        SqliteConnection connection = new(new SqliteConnectionStringBuilder { DataSource = ImmutableUri(path), Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        try
        {
            connection.Open();
            using SqliteCommand probe = connection.CreateCommand();
            probe.CommandText = "PRAGMA user_version;";
            if ((long)probe.ExecuteScalar()! == Schema.Migrations.Length)
            {
                return connection;
            }
        }
        catch (SqliteException)
        {
        }

        connection.Dispose();
        return null;
    }

    /// <summary>The SHA-256 of <paramref name="content"/> as lower-case hex.</summary>
    public static string Hash(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>
    /// <see cref="Hash"/> for a process that reads one document (<c>rfc N</c>): up to <see cref="ManagedHashLimit"/>
    /// bytes in managed code (<see cref="ManagedSha256"/>), so a cached read never loads OpenSSL; above it, and for
    /// every bulk hash, OpenSSL.
    /// </summary>
    public static string HashForOneRead(ReadOnlySpan<byte> content)
    {
        if (content.Length > ManagedHashLimit)
        {
            return Hash(content);
        }

        Span<byte> digest = stackalloc byte[ManagedSha256.HashSizeInBytes];
        ManagedSha256.HashData(content, digest);
        return Convert.ToHexStringLower(digest);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _disposed = true;
        FinalizeStatements();
        _plain?.Dispose();
        _connection?.Dispose();
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _disposed = true;
        FinalizeStatements();
        _plain?.Dispose();
        return _connection?.DisposeAsync() ?? ValueTask.CompletedTask;
    }

    /// <summary>The statements the raw reads prepared and kept (see <c>Rows</c>), finalized before their handle closes.</summary>
    private void FinalizeStatements()
    {
        lock (_gate)
        {
            foreach (SQLitePCL.sqlite3_stmt statement in _statements.Values)
            {
                statement.Dispose();
            }

            _statements.Clear();
        }
    }

    private SqliteCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        SqliteCommand command = Connection.CreateCommand();
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
        // An up-to-date store is only read here, so a read-only store still serves reads; the write lock is
        // taken only when there is a migration to run.
        using (SqliteCommand probe = connection.CreateCommand())
        {
            probe.CommandText = "PRAGMA user_version;";
            if ((long)probe.ExecuteScalar()! == Schema.Migrations.Length)
            {
                return;
            }
        }

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

        // Derived data a step's SQL cannot compute: filled from the index the store already holds.
        if (current < Schema.AcronymsSchema)
        {
            RebuildAcronyms(connection, transaction);
        }

        transaction.Commit();
    }

    /// <summary>Another process held the store's lock past the busy timeout.</summary>
    internal static StoreException Busy(string path, Exception? inner = null) =>
        new($"the store at {path} is busy (another rfc is writing); try again in a moment", inner);

    internal static StoreException Damaged(string path, SqliteException e) => e.SqliteErrorCode switch
    {
        // SQLITE_BUSY / SQLITE_LOCKED: another process held the lock past the busy timeout.
        raw.SQLITE_BUSY or raw.SQLITE_LOCKED => Busy(path, e),
        // SQLITE_CORRUPT / SQLITE_NOTADB: the file is not a usable database.
        raw.SQLITE_CORRUPT or raw.SQLITE_NOTADB => new StoreException($"the store at {path} is damaged ({e.Message.TrimEnd('.')}); move it away or delete it and rfc will start a new one", e),
        // SQLITE_READONLY / SQLITE_CANTOPEN / SQLITE_PERM / SQLITE_IOERR / SQLITE_FULL.
        raw.SQLITE_READONLY or raw.SQLITE_CANTOPEN or raw.SQLITE_PERM or raw.SQLITE_IOERR or raw.SQLITE_FULL => new StoreException($"cannot write the store at {path} ({e.Message.TrimEnd('.')}); check its permissions and free space, or set RFC_HOME elsewhere", e),
        _ => new StoreException($"the store at {path} failed ({e.Message.TrimEnd('.')})", e),
    };

    private static string? FormatTime(DateTimeOffset? time) => time?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    internal static DateTimeOffset ParseTime(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
