using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.Loader;

namespace Rfc.Storage.Tests;

/// <summary>
/// SQLite is initialised once per process, and every caller returns from <c>SqliteInitializer.EnsureInitialized</c>
/// only when it is ready. Each round loads Rfc.Storage and SQLitePCL afresh in a load context of its own, where
/// nothing has initialised them yet, and starts several threads at once, as a store opening beside a request
/// and tests running side by side do.
/// </summary>
public sealed class SqliteInitializerTests
{
    [Fact]
    public void EveryCaller_FindsSqliteReady_WhenManyStartAtOnce()
    {
        const int Rounds = 5, Threads = 8;
        for (int round = 0; round < Rounds; round++)
        {
            FreshContext context = new();
            Assembly storage = context.LoadFromAssemblyPath(typeof(RfcStore).Assembly.Location);
            MethodInfo ensure = storage.GetType("Rfc.Storage.SqliteInitializer", throwOnError: true)!.GetMethod("EnsureInitialized")!;
            Assembly core = context.LoadFromAssemblyName(new AssemblyName("SQLitePCLRaw.core"));
            MethodInfo version = core.GetType("SQLitePCL.raw", throwOnError: true)!.GetMethod("sqlite3_libversion_number")!;

            using Barrier start = new(Threads);
            ConcurrentQueue<Exception> errors = new();
            int[] versions = new int[Threads];
            Thread[] threads = [.. Enumerable.Range(0, Threads).Select(i => new Thread(() =>
            {
                start.SignalAndWait();
                try
                {
                    ensure.Invoke(null, null);
                    versions[i] = (int)version.Invoke(null, null)!;
                }
                catch (TargetInvocationException e)
                {
                    errors.Enqueue(e.InnerException ?? e);
                }
            }))];
            foreach (Thread thread in threads)
            {
                thread.Start();
            }

            foreach (Thread thread in threads)
            {
                thread.Join();
            }

            Assert.True(errors.IsEmpty, $"round {round}: {errors.Count} of {Threads} callers used SQLite before it was ready: {errors.FirstOrDefault()?.Message}");
            Assert.All(versions, v => Assert.True(v >= 3_035_000, $"SQLite version number {v}"));
        }
    }

    /// <summary>Loads the test's own copies of rfc's and SQLitePCL's assemblies, so their static state starts empty.</summary>
    private sealed class FreshContext() : AssemblyLoadContext($"fresh-sqlite-{Guid.NewGuid():N}")
    {
        protected override Assembly? Load(AssemblyName assemblyName)
        {
            string path = Path.Combine(AppContext.BaseDirectory, assemblyName.Name + ".dll");
            return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }
    }
}
