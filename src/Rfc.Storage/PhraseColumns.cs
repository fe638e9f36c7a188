using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SQLitePCL;

namespace Rfc.Storage;

/// <summary>
/// Every match of an index search's query of words, read in one pass over FTS5's matches by <c>rfc_match(index_text)</c>,
/// an FTS5 auxiliary function written here: each match's number, its bm25 (the same score, bit for bit, as FTS5's
/// <c>bm25()</c> with the same column weights), the count of words in its title, and where each phrase of the query
/// is in it (<see cref="InTitle"/>, <see cref="InText"/>). From those the search answers its narrower candidate
/// queries (every word in the title, every word anywhere, an acronym's phrase in the title) instead of running each
/// through FTS5 again, and bm25's document frequencies come from the same pass: FTS5's own <c>bm25()</c> counts each
/// phrase's documents with a query of its own per search (<c>xQueryPhrase</c>: a tenth of the instructions of
/// <c>rfc search sip</c> on the XML index). The function is registered per connection (<see cref="Register"/>) through
/// the <c>fts5_api</c> SQLite hands out for <c>SELECT fts5(?1)</c>; it writes into the <see cref="PhraseColumns"/>
/// that <see cref="Collect"/> is filling on the calling thread, and SQLite's functions are called by address, as
/// <see cref="SqliteColumns"/>'s are.
/// </summary>
internal sealed unsafe class PhraseColumns
{
    /// <summary>The SQL name of the function.</summary>
    public const string Name = "rfc_match";

    /// <summary>The phrase is in the title.</summary>
    public const byte InTitle = 1;

    /// <summary>The phrase is in the title, the abstract or the keywords (not only among the authors).</summary>
    public const byte InText = 2;

    /// <summary>Title, abstract, keywords: the columns before the authors in <c>index_text</c>, those a query of words searches.</summary>
    private const int TextColumnCount = 3;

    /// <summary>FTS5's bm25 parameters (fts5_aux.c).</summary>
    private const double K1 = 1.2, B = 0.75;

    [ThreadStatic]
    private static PhraseColumns? t_filling;

    private readonly int _phrases;
    private readonly double[] _weights;
    private readonly List<byte> _where = [];
    private readonly List<double> _frequencies = [];
    private readonly List<long> _sizes = [];
    private readonly List<byte> _titleWords = [];
    private readonly Dictionary<int, double> _scores = [];
    private long _rowCount;
    private double _averageSize;

    private PhraseColumns(int phrases, double[] weights)
    {
        _phrases = phrases;
        _weights = weights;
    }

    /// <summary>The matches' numbers, in rowid order.</summary>
    public List<int> Numbers { get; } = [];

    /// <summary>Each match's bm25, negated as ranking wants it (higher is better), by number.</summary>
    public Dictionary<int, double> Scores => _scores;

    /// <summary>Match <paramref name="row"/>'s bm25, negated.</summary>
    public double Score(int row) => _scores[Numbers[row]];

    /// <summary>How many words (tokens) match <paramref name="row"/>'s title has, up to 255.</summary>
    public int TitleWords(int row) => _titleWords[row];

    /// <summary>True when phrase <paramref name="phrase"/> is in match <paramref name="row"/> where <paramref name="where"/> says.</summary>
    public bool Has(int row, int phrase, byte where) => (_where[(row * _phrases) + phrase] & where) != 0;

    /// <summary>
    /// Runs <paramref name="run"/> (a statement that calls <see cref="Name"/> on every match of a query of
    /// <paramref name="phrases"/> phrases) and returns what it read, with bm25 under <paramref name="weights"/> (one per
    /// column; 1 for a column beyond them, as FTS5's bm25 has it). A failure inside the function fails the statement.
    /// </summary>
    public static PhraseColumns Collect(int phrases, double[] weights, Action run)
    {
        var matches = new PhraseColumns(phrases, weights);
        t_filling = matches;
        try
        {
            run();
        }
        finally
        {
            t_filling = null;
        }

        matches.ComputeScores();
        return matches;
    }

    /// <summary>
    /// Each match's bm25 once every match is read, as FTS5's <c>fts5Bm25Function</c> computes it: a phrase's
    /// inverse document frequency from how many rows have it in the searched columns (the rows its own query would
    /// match, which are all among these), its weighted count in each row, and the row's size against the average.
    /// </summary>
    private void ComputeScores()
    {
        var idf = new double[_phrases];
        for (int phrase = 0; phrase < _phrases; phrase++)
        {
            long hits = 0;
            for (int row = 0; row < Numbers.Count; row++)
            {
                if (_where[(row * _phrases) + phrase] != 0)
                {
                    hits++;
                }
            }

            double value = Math.Log((_rowCount - hits + 0.5) / (hits + 0.5));
            idf[phrase] = value <= 0.0 ? 1e-6 : value;
        }

        for (int row = 0; row < Numbers.Count; row++)
        {
            double size = _sizes[row];
            double score = 0.0;
            for (int phrase = 0; phrase < _phrases; phrase++)
            {
                double frequency = _frequencies[(row * _phrases) + phrase];
                score += idf[phrase] * (frequency * (K1 + 1.0) / (frequency + (K1 * (1 - B + (B * size / _averageSize)))));
            }

            _scores[Numbers[row]] = score;
        }
    }

    /// <summary>Reads the current row of the MATCH: SQLITE_OK, or the error code of the call that failed.</summary>
    private int Read(ExtensionApi* api, nint fts)
    {
        if (api->PhraseCount(fts) != _phrases)
        {
            return raw.SQLITE_MISUSE;
        }

        int result;
        if (Numbers.Count == 0)
        {
            long tokens;
            long rows;
            if ((result = api->RowCount(fts, &rows)) != raw.SQLITE_OK || (result = api->ColumnTotalSize(fts, -1, &tokens)) != raw.SQLITE_OK)
            {
                return result;
            }

            _rowCount = rows;
            _averageSize = (double)tokens / (double)rows;
        }

        int size;
        int titleWords;
        if ((result = api->ColumnSize(fts, -1, &size)) != raw.SQLITE_OK || (result = api->ColumnSize(fts, 0, &titleWords)) != raw.SQLITE_OK)
        {
            return result;
        }

        for (int phrase = 0; phrase < _phrases; phrase++)
        {
            PhraseIterator iterator;
            int column;
            int offset;
            if ((result = api->PhraseFirst(fts, phrase, &iterator, &column, &offset)) != raw.SQLITE_OK)
            {
                return result;
            }

            double frequency = 0;
            byte where = 0;
            for (; column >= 0; api->PhraseNext(fts, &iterator, &column, &offset))
            {
                frequency += column < _weights.Length ? _weights[column] : 1.0;
                if (column < TextColumnCount)
                {
                    where |= column == 0 ? (byte)(InTitle | InText) : InText;
                }
            }

            _frequencies.Add(frequency);
            _where.Add(where);
        }

        Numbers.Add((int)api->Rowid(fts));
        _sizes.Add(size);
        _titleWords.Add((byte)Math.Min(titleWords, byte.MaxValue));
        return raw.SQLITE_OK;
    }

    private static readonly nint s_library = SqliteInitializer.LibraryHandle();

    private static readonly delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int, void*, byte*, nint, int> BindPointer =
        (delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int, void*, byte*, nint, int>)NativeLibrary.GetExport(s_library, "sqlite3_bind_pointer");

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

        fixed (byte* name = "rfc_match\0"u8)
        {
            return api->CreateFunction(api, name, 0, &Match, 0);
        }
    }

    /// <summary>The function itself: reads the row into the <see cref="PhraseColumns"/> being filled; returns NULL.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Match(ExtensionApi* api, nint fts, nint context, int count, nint* values)
    {
        int result;
        try
        {
            result = t_filling is { } filling ? filling.Read(api, fts) : raw.SQLITE_MISUSE;
        }
        catch (OutOfMemoryException)
        {
            // Nothing may unwind into SQLite's frames: the statement fails instead, and the store reports it.
            result = raw.SQLITE_NOMEM;
        }

        if (result != raw.SQLITE_OK)
        {
            ResultErrorCode(context, result);
        }
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

    /// <summary>fts5.h's <c>Fts5ExtensionApi</c>, as far as the phrase iterators (version 1 and later begin alike).</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct ExtensionApi
    {
        public int Version;
        public nint UserData;
        public nint ColumnCount;
        public delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, long*, int> RowCount;
        public delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int, long*, int> ColumnTotalSize;
        public nint Tokenize;
        public delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int> PhraseCount;
        public nint PhraseSize;
        public nint InstCount;
        public nint Inst;
        public delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, long> Rowid;
        public nint ColumnText;
        public delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int, int*, int> ColumnSize;
        public nint QueryPhrase;
        public nint SetAuxdata;
        public nint GetAuxdata;
        public delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int, PhraseIterator*, int*, int*, int> PhraseFirst;
        public delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, PhraseIterator*, int*, int*, void> PhraseNext;
    }

    /// <summary>fts5.h's <c>Fts5PhraseIter</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct PhraseIterator
    {
        public nint A;
        public nint B;
    }
}
