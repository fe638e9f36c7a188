using Rfc.Documents;
using SQLitePCL;

namespace Rfc.Storage;

/// <summary>
/// The cached read's fast path: one stored document straight through SQLite's C API, without opening a
/// <see cref="RfcStore"/>. <c>rfc 2324</c> from the store is rfc's most frequent command, and a full open
/// pays for what only writers need: Microsoft.Data.Sqlite's connection factory starts a pool-pruning
/// timer thread, and the migration check takes the write lock (issue 6 measured both). Anything unusual
/// (no store yet, another schema, damage, a lock held past the busy timeout) returns null, and the caller
/// takes the full path, which reports it properly. A document whose bytes fail their SHA-256 is not
/// unusual but damaged: it throws <see cref="StoredDocumentCorruptException"/>, as the full path does.
/// </summary>
internal static class StoreReader
{
    /// <summary>The stored document <paramref name="number"/> in the store in <paramref name="directory"/>, or null.</summary>
    public static StoredDocument? TryGetDocument(string directory, RfcNumber number)
    {
        ArgumentNullException.ThrowIfNull(directory);
        string path = Path.Combine(directory, RfcStore.FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        SqliteInitializer.EnsureInitialized();
        // Read-write without create: a reader of a WAL database may need to create its -shm file, and a
        // missing database is the full path's business.
        if (raw.sqlite3_open_v2(path, out sqlite3 db, raw.SQLITE_OPEN_READWRITE, null) != raw.SQLITE_OK)
        {
            db.Dispose();
            return null;
        }

        using (db)
        {
            raw.sqlite3_busy_timeout(db, RfcStore.BusyTimeoutMilliseconds);
            long version = Scalar(db, "PRAGMA user_version;");
            if (version < 1 || version > Schema.Migrations.Length)
            {
                return null;
            }

            if (raw.sqlite3_prepare_v2(db, DocumentRow.SelectByNumber, out sqlite3_stmt statement) != raw.SQLITE_OK)
            {
                statement.Dispose();
                return null;
            }

            using (statement)
            {
                raw.sqlite3_bind_int64(statement, 1, number.Value);
                if (raw.sqlite3_step(statement) != raw.SQLITE_ROW)
                {
                    return null;
                }

                return DocumentRow.Map(
                    number,
                    raw.sqlite3_column_blob(statement, DocumentRow.Content).ToArray(),
                    Text(statement, DocumentRow.ETag),
                    Text(statement, DocumentRow.LastModified),
                    Text(statement, DocumentRow.FetchedAt) ?? "",
                    Text(statement, DocumentRow.Sha256) ?? "",
                    Text(statement, DocumentRow.Source),
                    path);
            }
        }
    }

    private static long Scalar(sqlite3 db, string sql)
    {
        if (raw.sqlite3_prepare_v2(db, sql, out sqlite3_stmt statement) != raw.SQLITE_OK)
        {
            statement.Dispose();
            return -1;
        }

        using (statement)
        {
            return raw.sqlite3_step(statement) == raw.SQLITE_ROW ? raw.sqlite3_column_int64(statement, 0) : -1;
        }
    }

    private static string? Text(sqlite3_stmt statement, int column) =>
        raw.sqlite3_column_type(statement, column) == raw.SQLITE_NULL ? null : raw.sqlite3_column_text(statement, column).utf8_to_string();
}
