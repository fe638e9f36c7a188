using System.Runtime.InteropServices;
using System.Text;
using SQLitePCL;

namespace Rfc.Storage;

/// <summary>
/// The current row of a statement <see cref="RawStatement"/> is stepping, read through SQLite's column functions
/// called by address. SQLitePCL's wrappers take the statement as a SafeHandle, which the interop layer adds a
/// reference to and releases around every call (callgrind, <c>rfc search sip</c>: about 310 instructions per
/// <c>sqlite3_column_int</c>, 4,000 calls per search); by address a column read is the C function and a few
/// instructions. Valid only inside the row callback.
/// </summary>
internal readonly unsafe struct RawRow
{
    private readonly nint _statement;

    internal RawRow(nint statement) => _statement = statement;

    /// <summary>Column <paramref name="column"/> as a 32-bit integer.</summary>
    public int Int(int column) => SqliteColumns.Int(_statement, column);

    /// <summary>Column <paramref name="column"/> as a 64-bit integer.</summary>
    public long Int64(int column) => SqliteColumns.Int64(_statement, column);

    /// <summary>Column <paramref name="column"/> as a double.</summary>
    public double Double(int column) => SqliteColumns.Double(_statement, column);

    /// <summary>True when column <paramref name="column"/> is NULL.</summary>
    public bool IsNull(int column) => SqliteColumns.Type(_statement, column) == raw.SQLITE_NULL;

    /// <summary>Column <paramref name="column"/> as text (UTF-8 decoded as SQLitePCL decodes it), or null.</summary>
    public string? Text(int column) => IsNull(column) ? null : Encoding.UTF8.GetString(Utf8(column));

    /// <summary>Column <paramref name="column"/>'s text as UTF-8 bytes, read in place (empty for NULL): nothing is allocated.</summary>
    public ReadOnlySpan<byte> Utf8(int column)
    {
        // The text first, then its length: SQLite's documented order.
        byte* text = SqliteColumns.Text(_statement, column);
        return text is null ? [] : new ReadOnlySpan<byte>(text, SqliteColumns.Bytes(_statement, column));
    }

    /// <summary>Column <paramref name="column"/> as a new byte array (empty for NULL or an empty blob).</summary>
    public byte[] Blob(int column)
    {
        byte* blob = (byte*)SqliteColumns.Blob(_statement, column);
        int length = SqliteColumns.Bytes(_statement, column);
        return blob is null || length == 0 ? [] : new ReadOnlySpan<byte>(blob, length).ToArray();
    }
}

/// <summary>
/// The addresses of SQLite's step and column functions in the library SQLitePCL loaded (<see cref="SqliteInitializer"/>).
/// The column functions return at once and never call back, so they skip the runtime's GC transition; a step may wait
/// on a lock (the busy timeout) and keeps it.
/// </summary>
internal static unsafe class SqliteColumns
{
    private static readonly nint s_library = SqliteInitializer.LibraryHandle();

    public static readonly delegate* unmanaged[Cdecl]<nint, int> Step = (delegate* unmanaged[Cdecl]<nint, int>)Export("sqlite3_step");
    public static readonly delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int, int> Int = (delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int, int>)Export("sqlite3_column_int");
    public static readonly delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int, long> Int64 = (delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int, long>)Export("sqlite3_column_int64");
    public static readonly delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int, double> Double = (delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int, double>)Export("sqlite3_column_double");
    public static readonly delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int, int> Type = (delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int, int>)Export("sqlite3_column_type");
    public static readonly delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int, byte*> Text = (delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int, byte*>)Export("sqlite3_column_text");
    public static readonly delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int, void*> Blob = (delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int, void*>)Export("sqlite3_column_blob");
    public static readonly delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int, int> Bytes = (delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int, int>)Export("sqlite3_column_bytes");

    private static nint Export(string name) => NativeLibrary.GetExport(s_library, name);
}
