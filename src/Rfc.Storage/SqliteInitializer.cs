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
    /// The handle of the SQLite library SQLitePCL uses (loaded again by the same rules, so the same library), for the
    /// functions <see cref="SqliteColumns"/> calls by address.
    /// </summary>
    public static nint LibraryHandle()
    {
        EnsureInitialized();

        // The handle Resolve loaded, when it found the library beside the program; else (a test run, from runtimes/)
        // by name, which reads the assembly's search-path attributes first (a quarter of a million instructions).
        return s_loaded != 0 ? s_loaded : NativeLibrary.Load(LibraryName, typeof(SQLitePCL.SQLite3Provider_e_sqlite3).Assembly, null);
    }

    private static nint s_loaded;

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
        if (!NativeLibrary.TryLoad(Path.Combine(AppContext.BaseDirectory, file), out IntPtr handle))
        {
            return IntPtr.Zero;
        }

        s_loaded = handle;
        return handle;
    }
}
