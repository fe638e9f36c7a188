using System.CommandLine;
using System.Globalization;

namespace Rfc.Cli.Commands;

/// <summary><c>rfc cache clear</c>: removes the stored documents (the index stays).</summary>
internal static class CacheCommand
{
    public static void Attach(RootCommand root, CliContext context)
    {
        Command clear = new(
            "clear",
            """
            Remove every stored document (and its search text). The synced index stays; 'rfc sync' refreshes it.

            Examples:
              rfc cache clear
              RFC_HOME=/tmp/rfc rfc cache clear
            """);
        clear.SetAction((_, cancellationToken) => ClearAsync(context, cancellationToken));
        Command cache = new(
            "cache",
            """
            Manage the local store ($RFC_HOME, else $XDG_DATA_HOME/rfc, else ~/.local/share/rfc).

            Examples:
              rfc cache clear               remove the stored documents, keep the index
            """)
        {
            clear,
        };
        cache.SetAction(int (ParseResult _) => throw new CliUsageException("'rfc cache' needs a subcommand: 'rfc cache clear'"));
        root.Subcommands.Add(cache);
    }

    private static async Task<int> ClearAsync(CliContext context, CancellationToken cancellationToken)
    {
        await using RfcClient client = LibraryOutput.LocalClient(context);
        int removed = client.ClearStored();
        using StreamWriter output = LibraryOutput.Writer(context);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"removed {removed} {(removed == 1 ? "document" : "documents")} from {client.StoreDirectory}"));
        await output.FlushAsync(cancellationToken);
        return (int)ExitCode.Success;
    }
}
