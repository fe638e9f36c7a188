using System.Reflection;
using System.Runtime.InteropServices;

namespace Rfc.Storage;

/// <summary>
/// Initialises SQLitePCLRaw's bundled native SQLite (which has FTS5) explicitly: Microsoft.Data.Sqlite
/// otherwise finds the bundle by reflection, which NativeAOT trimming can remove.
/// </summary>
internal static class SqliteInitializer
{
    private const string LibraryName = "e_sqlite3";

    private static readonly Lock s_gate = new();
    private static volatile bool s_initialized;

    /// <summary>
    /// Returns once SQLite is ready to use. Every caller waits for the first to finish: a flag set before the work
    /// let a second thread (the store opening beside a request, tests running side by side) go on to open a
    /// connection before SQLitePCL had its provider.
    /// </summary>
    public static void EnsureInitialized()
    {
        if (s_initialized)
        {
            return;
        }

        lock (s_gate)
        {
            if (!s_initialized)
            {
                NativeLibrary.SetDllImportResolver(typeof(SQLitePCL.SQLite3Provider_e_sqlite3).Assembly, Resolve);
                SQLitePCL.Batteries_V2.Init();
                s_initialized = true;
            }
        }
    }

    /// <summary>
    /// Loads SQLite from beside the program (where install.sh puts it) before the runtime's own probing, which first
    /// asks the dynamic loader for <c>e_sqlite3.so</c> in every system library directory: about 60 failed
    /// <c>openat</c>/<c>stat</c> calls on every command that opens the store (strace of a cached read). Elsewhere
    /// (a <c>dotnet test</c> run, with the library under <c>runtimes/</c>) the runtime's probing goes on as before.
    /// </summary>
    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != LibraryName)
        {
            return IntPtr.Zero;
        }

        string file = OperatingSystem.IsWindows() ? LibraryName + ".dll" : OperatingSystem.IsMacOS() ? "lib" + LibraryName + ".dylib" : "lib" + LibraryName + ".so";
        return NativeLibrary.TryLoad(Path.Combine(AppContext.BaseDirectory, file), out IntPtr handle) ? handle : IntPtr.Zero;
    }
}
