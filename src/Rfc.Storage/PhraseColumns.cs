using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SQLitePCL;

namespace Rfc.Storage;

/// <summary>
/// <c>rfc_phrases(index_text, first)</c>, an FTS5 auxiliary function: for the current row of a MATCH, where each of
/// the query's phrases <c>first</c> to <c>first</c> + <see cref="PhrasesPerValue"/> - 1 was found, as one 64-bit
/// integer: the title's count of words (tokens, up to 255, from the sizes bm25 has already read for the row) in the
/// low 8 bits, then two bits per phrase in the order the query gives them (<see cref="InTitle"/> when in the title,
/// column 0; <see cref="InText"/> when in the title, abstract or keywords, columns 0 to 2). An index search reads it
/// beside bm25 in the one pass over its query's matches, once per <see cref="PhrasesPerValue"/> phrases, and knows
/// from it which rows each narrower candidate query (every word in the title, every word anywhere, an acronym's
/// phrase in the title) would have matched, instead of running each of those through FTS5 again. Registered per
/// connection (<see cref="Register"/>) through the <c>fts5_api</c> SQLite hands out for <c>SELECT fts5(?1)</c>; its
/// functions are called by address, as <see cref="SqliteColumns"/>'s are.
/// </summary>
internal static unsafe class PhraseColumns
{
    /// <summary>The SQL name of the function.</summary>
    public const string Name = "rfc_phrases";

    /// <summary>The phrase is in the title.</summary>
    public const int InTitle = 1;

    /// <summary>The phrase is in the title, the abstract or the keywords (not only among the authors).</summary>
    public const int InText = 2;

    /// <summary>The phrases one value describes: two bits each above the title's 8.</summary>
    public const int PhrasesPerValue = 28;

    /// <summary>Where a phrase is, from a value <see cref="Name"/> gave for phrases from a multiple of <see cref="PhrasesPerValue"/>.</summary>
    public static int Where(long value, int phrase) => (int)((ulong)value >> (8 + (2 * (phrase % PhrasesPerValue)))) & (InTitle | InText);

    /// <summary>The title's count of words in a value <see cref="Name"/> gave.</summary>
    public static int TitleWords(long value) => (int)(value & 0xFF);

    /// <summary>Title, abstract, keywords: the columns before the authors in <c>index_text</c>.</summary>
    private const int TextColumnCount = 3;

    private static readonly nint s_library = SqliteInitializer.LibraryHandle();

    private static readonly delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int, void*, byte*, nint, int> BindPointer =
        (delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int, void*, byte*, nint, int>)NativeLibrary.GetExport(s_library, "sqlite3_bind_pointer");

    private static readonly delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int> ValueInt =
        (delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int>)NativeLibrary.GetExport(s_library, "sqlite3_value_int");

    private static readonly delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, long, void> ResultInt64 =
        (delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, long, void>)NativeLibrary.GetExport(s_library, "sqlite3_result_int64");

    private static readonly delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int, void> ResultErrorCode =
        (delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int, void>)NativeLibrary.GetExport(s_library, "sqlite3_result_error_code");

    /// <summary>
    /// Registers <see cref="Name"/> on <paramref name="db"/>: SQLITE_OK, or the result code of the step that failed
    /// (an SQLite without FTS5 answers <c>SELECT fts5(?1)</c> with an error).
    /// </summary>
    public static int Register(sqlite3 db)
    {
        int result = raw.sqlite3_prepare_v2(db, "SELECT fts5(?1);", out sqlite3_stmt statement);
        Fts5Api* api = null;
        using (statement)
        {
            if (result != raw.SQLITE_OK)
            {
                return result;
            }

            nint handle = statement.DangerousGetHandle();
            fixed (byte* type = "fts5_api_ptr\0"u8)
            {
                result = BindPointer(handle, 1, &api, type, 0);
                if (result == raw.SQLITE_OK)
                {
                    result = SqliteColumns.Step(handle);
                }
            }
        }

        if (result != raw.SQLITE_ROW && result != raw.SQLITE_DONE)
        {
            return result;
        }

        if (api is null || api->Version < 2)
        {
            return raw.SQLITE_ERROR;
        }

        fixed (byte* name = "rfc_phrases\0"u8)
        {
            return api->CreateFunction(api, name, 0, &Phrases, 0);
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Phrases(ExtensionApi* api, nint fts, nint context, int count, nint* values)
    {
        int first = count == 1 ? ValueInt(values[0]) : -1;
        int phrases = api->PhraseCount(fts);
        if (first < 0 || first > phrases)
        {
            ResultErrorCode(context, raw.SQLITE_MISUSE);
            return;
        }

        int words;
        int result = api->ColumnSize(fts, 0, &words);
        if (result != raw.SQLITE_OK)
        {
            ResultErrorCode(context, result);
            return;
        }

        ulong value = (ulong)Math.Min(words, 0xFF);
        for (int phrase = first; phrase < phrases && phrase < first + PhrasesPerValue; phrase++)
        {
            PhraseIterator iterator;
            int column;
            result = api->PhraseFirstColumn(fts, phrase, &iterator, &column);
            if (result != raw.SQLITE_OK)
            {
                ResultErrorCode(context, result);
                return;
            }

            ulong where = 0;
            for (; column >= 0; api->PhraseNextColumn(fts, &iterator, &column))
            {
                if (column < TextColumnCount)
                {
                    where |= column == 0 ? (ulong)(InTitle | InText) : InText;
                }
            }

            value |= where << (8 + (2 * (phrase - first)));
        }

        ResultInt64(context, (long)value);
    }

    /// <summary>fts5.h's <c>fts5_api</c> (version 2 and later begin alike).</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Fts5Api
    {
        public int Version;
        public nint CreateTokenizer;
        public nint FindTokenizer;
        public delegate* unmanaged[Cdecl]<Fts5Api*, byte*, nint, delegate* unmanaged[Cdecl]<ExtensionApi*, nint, nint, int, nint*, void>, nint, int> CreateFunction;
    }

    /// <summary>fts5.h's <c>Fts5ExtensionApi</c>, as far as the column iterators (version 1 and later begin alike).</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct ExtensionApi
    {
        public int Version;
        public nint UserData;
        public nint ColumnCount;
        public nint RowCount;
        public nint ColumnTotalSize;
        public nint Tokenize;
        public delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int> PhraseCount;
        public nint PhraseSize;
        public nint InstCount;
        public nint Inst;
        public nint Rowid;
        public nint ColumnText;
        public delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int, int*, int> ColumnSize;
        public nint QueryPhrase;
        public nint SetAuxdata;
        public nint GetAuxdata;
        public nint PhraseFirst;
        public nint PhraseNext;
        public delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int, PhraseIterator*, int*, int> PhraseFirstColumn;
        public delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, PhraseIterator*, int*, void> PhraseNextColumn;
    }

    /// <summary>fts5.h's <c>Fts5PhraseIter</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct PhraseIterator
    {
        public nint A;
        public nint B;
    }
}
