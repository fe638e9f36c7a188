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
                // The NativeAOT rfc links SQLite at start (Rfc.Cli.csproj): the dynamic loader has already loaded it from
                // beside the program and bound SQLitePCL's calls, so there is nothing to resolve, and the resolver's
                // registration (SQLitePCL's Assembly: the process's first reflection) is skipped.
                if (!(AppContext.TryGetSwitch(LinkedAtStartSwitch, out bool linked) && linked && NativeLibrary.TryLoad(BesideProgram(), out s_loaded)))
                {
                    NativeLibrary.SetDllImportResolver(typeof(SQLitePCL.SQLite3Provider_e_sqlite3).Assembly, Resolve);
                }

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

    /// <summary>The AppContext switch the NativeAOT rfc sets when it links SQLite at start.</summary>
    private const string LinkedAtStartSwitch = "Rfc.Storage.SqliteLinkedAtStart";

    /// <summary>Where install.sh puts the SQLite library: beside the program (the same file the dynamic loader found through <c>$ORIGIN</c>).</summary>
    private static string BesideProgram() => Path.Combine(
        AppContext.BaseDirectory,
        OperatingSystem.IsWindows() ? LibraryName + ".dll" : OperatingSystem.IsMacOS() ? "lib" + LibraryName + ".dylib" : "lib" + LibraryName + ".so");

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

        if (!NativeLibrary.TryLoad(BesideProgram(), out IntPtr handle))
        {
            return IntPtr.Zero;
        }

        s_loaded = handle;
        return handle;
    }
}
