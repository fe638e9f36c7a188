using System.CommandLine;
using System.Globalization;

namespace Rfc.Cli.Commands;

/// <summary><c>rfc list</c>: the documents in the local store.</summary>
internal static class ListCommand
{
    public static void Attach(RootCommand root, CliContext context)
    {
        Command list = new(
            "list",
            """
            List the documents in the local store: number, size, age and title (when the index is synced). On a terminal
            a table; otherwise tab-separated lines (number, bytes, fetched time in UTC, title).

            Examples:
              rfc list
              rfc list | wc -l                      how many RFCs are stored
            """);
        list.SetAction((_, cancellationToken) => RunAsync(context, cancellationToken));
        root.Subcommands.Add(list);
    }

    private static async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        await using RfcClient client = LibraryOutput.LocalClient(context);
        IReadOnlyList<StoredRfc> documents = client.ListStored();
        DateTimeOffset now = DateTimeOffset.UtcNow;
        using StreamWriter output = LibraryOutput.Writer(context);
        LibraryOutput.Table(
            output,
            context.StdoutIsTerminal,
            ["RFC", "SIZE", "AGE", "TITLE"],
            documents.Select(d => context.StdoutIsTerminal
                ? new[] { d.Number.ToString(), LibraryOutput.Size(d.Size), LibraryOutput.Age(now - d.FetchedAt), d.Title ?? "" }
                : [d.Number.ToString(), d.Size.ToString(CultureInfo.InvariantCulture), d.FetchedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), d.Title ?? ""]));
        await output.FlushAsync(cancellationToken);
        if (documents.Count == 0)
        {
            await context.Stderr.WriteLineAsync($"rfc: no documents stored in {client.StoreDirectory}");
        }

        return (int)ExitCode.Success;
    }
}
