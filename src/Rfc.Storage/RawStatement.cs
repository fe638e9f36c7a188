using SQLitePCL;

namespace Rfc.Storage;

/// <summary>
/// One statement run through SQLitePCL's C API, each row handed to a callback: for the cached read's fast path
/// (<see cref="StoreReader"/>), which has no Microsoft.Data.Sqlite connection, and for index search's reads of
/// hundreds of rows. Microsoft.Data.Sqlite's data reader checks every value for NULL and looks up its type before
/// reading it (callgrind, <c>rfc search sip</c>: about 870 instructions per integer read, 4,400 such checks per
/// search); here a value is one call (<see cref="RawRow"/>).
/// </summary>
internal static class RawStatement
{
    /// <summary>
    /// Prepares <paramref name="sql"/> on <paramref name="db"/>, lets <paramref name="bind"/> bind it, and calls
    /// <paramref name="row"/> for each row. Returns <c>SQLITE_DONE</c>, or the result code of the prepare or step
    /// that failed with SQLite's message for it in <paramref name="error"/>.
    /// </summary>
    public static int Run(sqlite3 db, string sql, Action<sqlite3_stmt> bind, Action<RawRow> row, out string? error)
    {
        int result = Prepare(db, sql, out sqlite3_stmt? statement, out error);
        if (result != raw.SQLITE_OK)
        {
            return result;
        }

        using (statement)
        {
            return Run(db, statement!, bind, row, out error);
        }
    }

    /// <summary>
    /// Prepares <paramref name="sql"/> on <paramref name="db"/>: <c>SQLITE_OK</c> with the statement, or the result code
    /// with SQLite's message in <paramref name="error"/> and no statement.
    /// </summary>
    public static int Prepare(sqlite3 db, string sql, out sqlite3_stmt? statement, out string? error)
    {
        error = null;
        int result = raw.sqlite3_prepare_v2(db, sql, out statement);
        if (result != raw.SQLITE_OK)
        {
            // Read before the statement is finalized, which may leave another message behind.
            error = raw.sqlite3_errmsg(db).utf8_to_string();
            statement.Dispose();
            statement = null;
        }

        return result;
    }

    /// <summary>
    /// Runs a statement prepared earlier as <see cref="Run(sqlite3, string, Action{sqlite3_stmt}, Action{RawRow}, out string?)"/>
    /// runs a new one, then resets it and clears its bindings, whatever happened, so it can run again.
    /// </summary>
    public static unsafe int Run(sqlite3 db, sqlite3_stmt statement, Action<sqlite3_stmt> bind, Action<RawRow> row, out string? error)
    {
        error = null;
        try
        {
            bind(statement);
            nint handle = statement.DangerousGetHandle();
            int result;
            while ((result = SqliteColumns.Step(handle)) == raw.SQLITE_ROW)
            {
                row(new RawRow(handle));
            }

            if (result != raw.SQLITE_DONE)
            {
                // Read before the reset, which may leave another message behind.
                error = raw.sqlite3_errmsg(db).utf8_to_string();
            }

            return result;
        }
        finally
        {
            raw.sqlite3_reset(statement);
            raw.sqlite3_clear_bindings(statement);
        }
    }

    /// <summary>Binds <paramref name="value"/> (null, text or an integer) to the parameter called <paramref name="name"/>, if the statement has it.</summary>
    public static void Bind(sqlite3_stmt statement, string name, object? value)
    {
        int index = raw.sqlite3_bind_parameter_index(statement, name);
        if (index == 0)
        {
            return;
        }

        _ = value switch
        {
            null => raw.sqlite3_bind_null(statement, index),
            string text => raw.sqlite3_bind_text(statement, index, text),
            int number => raw.sqlite3_bind_int(statement, index, number),
            long number => raw.sqlite3_bind_int64(statement, index, number),
            _ => throw new ArgumentException($"cannot bind a {value.GetType().Name}", nameof(value)),
        };
    }

}
