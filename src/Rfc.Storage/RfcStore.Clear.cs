using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Rfc.Storage;

/// <summary><c>rfc cache clear</c>: removing the stored documents gives their space back, on a full disk too.</summary>
internal sealed partial class RfcStore
{
    /// <summary>
    /// Deletes the full-text index files of the store in <paramref name="directory"/> (derived data, rebuilt on the
    /// next full-text search). Deleting files needs no free space, so calling this before <see cref="Open"/> leaves
    /// the database room to open and write its log on a full disk.
    /// </summary>
    public static void DeleteFullText(string directory)
    {
        try
        {
            FullTextLayout.Delete(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StoreException($"cannot delete the full-text index in {directory}; check its permissions", e);
        }
    }

    /// <summary>
    /// Removes every stored document and the full-text index derived from them (the RFC index and errata, when
    /// synced, stay); returns how many. The space goes back to the file system: deleted rows only join SQLite's
    /// free list, so the database is vacuumed and its log truncated after. A store opened read-only because the
    /// disk was full is cleared in place (<see cref="ClearInPlace"/>).
    /// </summary>
    public int ClearDocuments() => Run(() =>
    {
        DetachFullTextLocked();
        DeleteFullText(Directory);
        if (IsReadOnly)
        {
            return ClearInPlace(DatabasePath);
        }

        int removed;
        using (SqliteTransaction transaction = Connection.BeginTransaction(deferred: false))
        {
            using SqliteCommand delete = Command("DELETE FROM documents;");
            delete.Transaction = transaction;
            removed = delete.ExecuteNonQuery();
            transaction.Commit();
        }

        Execute(Connection, "VACUUM;");
        Execute(Connection, "PRAGMA wal_checkpoint(TRUNCATE);");
        return removed;
    });

    /// <summary>
    /// Clears the documents of a store whose disk has no room for a write-ahead log: with the database locked
    /// exclusively (no <c>-shm</c> file) and no journal at all, pages are rewritten in place and VACUUM shrinks the
    /// file, so no byte of new space is needed. Without a journal a crash in the middle can damage the database;
    /// this runs only when the normal way cannot, and what the database holds besides the documents (the synced
    /// index and errata) can be fetched again with <c>rfc sync</c>. WAL mode is restored at the end.
    /// </summary>
    private static int ClearInPlace(string path)
    {
        using SqliteConnection connection = new(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
        try
        {
            connection.Open();
            Execute(connection, "PRAGMA locking_mode = EXCLUSIVE;");
            Execute(connection, "PRAGMA journal_mode = OFF;");
            Execute(connection, "PRAGMA temp_store = MEMORY;");
            int removed;
            using (SqliteCommand delete = connection.CreateCommand())
            {
                delete.CommandText = "DELETE FROM documents;";
                removed = delete.ExecuteNonQuery();
            }

            Execute(connection, "VACUUM;");
            Execute(connection, "PRAGMA journal_mode = WAL;");
            return removed;
        }
        catch (SqliteException e)
        {
            throw Damaged(path, e);
        }
    }
}
