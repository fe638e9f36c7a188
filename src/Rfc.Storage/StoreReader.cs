using System.Globalization;
using Rfc.Documents;
using SQLitePCL;

namespace Rfc.Storage;

/// <summary>
/// The cached read's fast path: what <c>rfc N</c> needs from the store (the document, whether the index calls the
/// number "not issued", its current versions for the obsolete note, its errata for the errata note) straight
/// through SQLite's C API on one connection, without opening a <see cref="RfcStore"/>. <c>rfc 2324</c> from the
/// store is rfc's most frequent command, and a full open pays for what only writers need: Microsoft.Data.Sqlite's
/// connection factory starts a pool-pruning timer thread, and the migration check takes the write lock (issues 6
/// and 10 measured both). Anything unusual (no store yet, another schema, damage, a lock held past the busy
/// timeout) answers null, and the caller takes the full path, which reports it properly. A document whose bytes
/// fail their SHA-256 is not unusual but damaged: it throws <see cref="StoredDocumentCorruptException"/>, as the
/// full path does. The queries are <see cref="RfcStore"/>'s own (<see cref="DocumentRow"/>, <see cref="StoreQueries"/>), so both paths answer alike (StoreReaderTests).
/// </summary>
internal sealed class StoreReader : IDisposable
{
    private readonly sqlite3 _db;
    private readonly string _path;
    private readonly long _version;

    private StoreReader(sqlite3 db, string path, long version)
    {
        _db = db;
        _path = path;
        _version = version;
    }

    /// <summary>True when the store has the current schema: only then are the index and errata tables read here.</summary>
    private bool IsCurrent => _version == Schema.Migrations.Length;

    /// <summary>Opens the store in <paramref name="directory"/> for reading; null when there is none or it is not one this release reads.</summary>
    public static StoreReader? TryOpen(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        string path = Path.Combine(directory, RfcStore.FileName);
        if (OpenDatabase(path, out long version) is not { } db)
        {
            return null;
        }

        if (version < 1 || version > Schema.Migrations.Length)
        {
            db.Dispose();
            return null;
        }

        return new StoreReader(db, path, version);
    }

    /// <summary>
    /// Opens the existing database at <paramref name="path"/> through SQLite's C API with the store's busy timeout, and
    /// reads its schema version (<c>PRAGMA user_version</c>) into <paramref name="version"/>; null when there is no file,
    /// it does not open, or the version cannot be read. Read-write without create: a reader of a WAL database may need
    /// to create its <c>-shm</c> file, and a missing database is the full open's business. Shared with
    /// <see cref="RfcStore"/>'s plain open. Throws the busy <see cref="StoreException"/> when another process held the
    /// store's lock past the busy timeout: the full open would only wait as long again, once per statement, before
    /// saying the same (a search took 41 s to report a store another program held). With <paramref name="guarded"/>
    /// the handle takes no mutex of its own (SQLITE_OPEN_NOMUTEX): only for a caller that serializes every use itself.
    /// </summary>
    internal static sqlite3? OpenDatabase(string path, out long version, bool guarded = false)
    {
        version = -1;
        if (!File.Exists(path))
        {
            return null;
        }

        SqliteInitializer.EnsureInitialized();
        if (raw.sqlite3_open_v2(path, out sqlite3 db, raw.SQLITE_OPEN_READWRITE | (guarded ? raw.SQLITE_OPEN_NOMUTEX : 0), null) != raw.SQLITE_OK)
        {
            db.Dispose();
            return null;
        }

        raw.sqlite3_busy_timeout(db, RfcStore.BusyTimeoutMilliseconds);
        // These handles only read: closing one need not checkpoint, and then it leaves the -wal and -shm files in place,
        // so the next reader opens them instead of creating both and unlinking them again at its close (strace of rfc
        // search sip: two creating opens, two fchowns under root, two unlinks). A writer's close still checkpoints.
        _ = raw.sqlite3_db_config(db, raw.SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, out _);
        long read = -1;
        int result = RawStatement.Run(db, "PRAGMA user_version;", static _ => { }, row => read = row.Int64(0), out _);
        if (result != raw.SQLITE_DONE)
        {
            db.Dispose();
            return result is raw.SQLITE_BUSY or raw.SQLITE_LOCKED ? throw RfcStore.Busy(path) : null;
        }

        version = read;
        return db;
    }

    /// <summary>The stored document <paramref name="number"/> in the store in <paramref name="directory"/>, or null.</summary>
    public static StoredDocument? TryGetDocument(string directory, RfcNumber number)
    {
        using StoreReader? reader = TryOpen(directory);
        return reader?.TryGetDocument(number);
    }

    /// <summary>The stored document <paramref name="number"/>, or null (not stored, or anything unusual).</summary>
    public StoredDocument? TryGetDocument(RfcNumber number) => TryFindDocument(number, out StoredDocument? document) ? document : null;

    /// <summary>
    /// Looks for the stored document <paramref name="number"/>: true when the store answered, with the document or
    /// null when it is not stored; false for anything unusual, when only the full store can say.
    /// </summary>
    public bool TryFindDocument(RfcNumber number, out StoredDocument? found)
    {
        StoredDocument? document = null;
        bool ok = Query(
            _db,
            DocumentRow.SelectByNumber,
            statement => raw.sqlite3_bind_int64(statement, 1, number.Value),
            row => document = DocumentRow.Map(
                number,
                row.Blob(DocumentRow.Content),
                row.Text(DocumentRow.ETag),
                row.Text(DocumentRow.LastModified),
                row.Text(DocumentRow.FetchedAt) ?? "",
                row.Text(DocumentRow.Sha256) ?? "",
                row.Text(DocumentRow.Source),
                _path,
                oneRead: true));
        found = ok ? document : null;
        return ok;
    }

    /// <summary>Whether the index lists <paramref name="number"/> as "Not Issued" (false when it does not list it); null when unknown here.</summary>
    public bool? IsNotIssued(RfcNumber number)
    {
        bool notIssued = false;
        return IsCurrent && Query(
            _db,
            "SELECT not_issued FROM index_entries WHERE number = $n;",
            statement => raw.sqlite3_bind_int64(statement, 1, number.Value),
            row => notIssued = row.Int64(0) != 0)
            ? notIssued
            : null;
    }

    /// <summary>As <see cref="RfcStore.GetCurrentVersions"/>: the ends of the obsoleted-by chain; null when unknown here.</summary>
    public IReadOnlyList<RfcNumber>? TryGetCurrentVersions(RfcNumber number)
    {
        if (!IsCurrent)
        {
            return null;
        }

        return ObsoletedByChain.Ends(number, current =>
        {
            List<int> successors = [];
            bool ok = Query(
                _db,
                StoreQueries.ObsoletedBy,
                statement =>
                {
                    raw.sqlite3_bind_int64(statement, 1, current);
                    raw.sqlite3_bind_text(statement, 2, "RFC" + current.ToString(CultureInfo.InvariantCulture));
                },
                row =>
                {
                    if (DocId.TryParse(row.Text(0) ?? "", out DocId id) && id.IsRfc)
                    {
                        successors.Add(id.Number);
                    }
                });
            return ok ? successors : null;
        });
    }

    /// <summary>
    /// As <see cref="RfcStore.HasErrata"/> then <see cref="RfcStore.GetErrataKinds"/>: false when unknown here; else
    /// <paramref name="kinds"/> is null when errata were never synced, or the status and type of each erratum.
    /// </summary>
    public bool TryGetErrataKinds(RfcNumber number, out IReadOnlyList<(string Status, string Type)>? kinds)
    {
        kinds = null;
        bool synced = false;
        if (!IsCurrent || !Query(_db, StoreQueries.ErrataSynced, static _ => { }, _ => synced = true))
        {
            return false;
        }

        if (!synced)
        {
            return true;
        }

        List<(string, string)> found = [];
        if (!Query(
            _db,
            StoreQueries.ErrataKinds,
            statement => raw.sqlite3_bind_int64(statement, 1, number.Value),
            row => found.Add((row.Text(0) ?? "", row.Text(1) ?? ""))))
        {
            return false;
        }

        kinds = found;
        return true;
    }

    /// <inheritdoc />
    public void Dispose() => _db.Dispose();

    /// <summary>Runs <paramref name="sql"/> (one statement), calling <paramref name="row"/> for each row; false on any SQLite error.</summary>
    private static bool Query(sqlite3 db, string sql, Action<sqlite3_stmt> bind, Action<RawRow> row) =>
        RawStatement.Run(db, sql, bind, row, out _) == raw.SQLITE_DONE;
}
