using Microsoft.Data.Sqlite;
using Rfc.Testing;

namespace Rfc.Cli.Tests;

/// <summary>
/// One store synced once from the corpus's real rfc-index.txt (and, when asked, its real errata) and holding a few
/// of its documents, shared by the tests of one class (a sync of 10,018 entries is the expensive part). When the
/// corpus is absent <see cref="Server"/> stays null and the tests skip.
/// </summary>
public abstract class CorpusStoreFixture(string prefix, IReadOnlyList<int> stored, bool withErrata) : IAsyncLifetime
{
    public string Home { get; } = Directory.CreateTempSubdirectory(prefix).FullName;

    public IndexServer? Server { get; private set; }

    /// <summary>The outcome of the one sync, for the tests that check it.</summary>
    public CliResult? FirstSync { get; private set; }

    public Dictionary<string, string> Environment
    {
        get
        {
            Dictionary<string, string> environment = new()
            {
                ["RFC_HOME"] = Home,
                ["RFC_INDEX_URL"] = Server!.IndexUrl("rfc-index.txt"),
                ["RFC_SOURCE"] = Server.Source,
            };
            if (withErrata)
            {
                environment["RFC_ERRATA_URL"] = Server.IndexUrl("errata.json");
            }

            return environment;
        }
    }

    public async ValueTask InitializeAsync()
    {
        if (CorpusLocator.Root is not string root || (withErrata && !File.Exists(Path.Combine(root, "errata", "errata.json"))))
        {
            return;
        }

        Server = await IndexServer.StartAsync(
            name => name == "errata.json" ? File.ReadAllBytes(Path.Combine(root, "errata", name)) : File.Exists(Path.Combine(root, "index", name)) ? File.ReadAllBytes(Path.Combine(root, "index", name)) : null,
            number => File.Exists(Path.Combine(root, "rfc", $"rfc{number}.txt")) ? File.ReadAllBytes(Path.Combine(root, "rfc", $"rfc{number}.txt")) : null);
        FirstSync = await CliRunner.RunCancellableAsync(["sync"], Environment, terminal: false, CancellationToken.None);
        foreach (int number in stored)
        {
            CliResult result = await CliRunner.RunCancellableAsync([number.ToString(System.Globalization.CultureInfo.InvariantCulture), "--quiet"], Environment, terminal: false, CancellationToken.None);
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException($"storing RFC {number} failed: {result.Stderr}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(Home, recursive: true);
    }
}
