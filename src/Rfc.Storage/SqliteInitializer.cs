namespace Rfc.Storage;

/// <summary>
/// Initialises SQLitePCLRaw's bundled native SQLite (which has FTS5) explicitly: Microsoft.Data.Sqlite
/// otherwise finds the bundle by reflection, which NativeAOT trimming can remove.
/// </summary>
internal static class SqliteInitializer
{
    private static int s_initialized;

    public static void EnsureInitialized()
    {
        if (Interlocked.Exchange(ref s_initialized, 1) == 0)
        {
            SQLitePCL.Batteries_V2.Init();
        }
    }
}
