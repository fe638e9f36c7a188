using System.CommandLine;
using System.Globalization;

namespace Rfc.Cli.Commands;

/// <summary><c>rfc cache clear</c>: removes the stored documents (the index stays); <c>rfc cache verify</c> checks them.</summary>
internal static class CacheCommand
{
    public static void Attach(RootCommand root, GlobalOptions globals, CliContext context)
    {
        Command clear = new(
            "clear",
            """
            Remove every stored document and the full-text index built from them. The synced RFC index stays;
            'rfc sync' refreshes it.

            Examples:
              rfc cache clear
              RFC_HOME=/tmp/rfc rfc cache clear
            """);
        clear.SetAction((_, cancellationToken) => ClearAsync(context, cancellationToken));
        Option<bool> offline = new("--offline") { Description = "Check only: do not fetch damaged documents again" };
        Command verify = new(
            "verify",
            """
            Check every stored document against the SHA-256 recorded when it was stored, and the full-text index
            (its structure, and that it covers exactly the stored documents). A damaged document is fetched again
            from the source (not with --offline); a damaged index shard is rebuilt. Prints what was repaired and
            what could not be; exits 5 when something could not be repaired.

            Examples:
              rfc cache verify
              rfc cache verify --offline     check only; repair nothing that needs the network
            """)
        {
            offline,
        };
        verify.SetAction((parse, cancellationToken) => VerifyAsync(parse, globals, parse.GetValue(offline), context, cancellationToken));
        Command cache = new(
            "cache",
            """
            Manage the local store ($RFC_HOME, else $XDG_DATA_HOME/rfc, else ~/.local/share/rfc).

            Examples:
              rfc cache clear               remove the stored documents, keep the index
              rfc cache verify              check (and repair) the stored documents and the full-text index
            """)
        {
            clear,
            verify,
        };
        cache.SetAction(int (ParseResult _) => throw new CliUsageException("'rfc cache' needs a subcommand: 'rfc cache clear' or 'rfc cache verify'"));
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

    private static async Task<int> VerifyAsync(ParseResult parse, GlobalOptions globals, bool offline, CliContext context, CancellationToken cancellationToken)
    {
        await using RfcClient client = new(globals.ClientOptions(parse, context));
        StoreVerification result = await client.VerifyStoreAsync(offline, cancellationToken).ConfigureAwait(false);
        using StreamWriter output = LibraryOutput.Writer(context);
        int damaged = result.Repaired.Count + result.NotRepaired.Count;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"documents: {result.Documents} checked, {damaged} damaged, {result.Repaired.Count} repaired, {result.NotRepaired.Count} not repairable"));
        foreach (int number in result.Repaired)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"repaired: RFC {number} (fetched again)"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"full-text index: {result.DamagedIndexShards} damaged {(result.DamagedIndexShards == 1 ? "shard" : "shards")} rebuilt, {result.IndexRepaired} {(result.IndexRepaired == 1 ? "document" : "documents")} re-indexed or dropped"));
        await output.FlushAsync(cancellationToken);
        foreach (StoreProblem problem in result.NotRepaired)
        {
            await context.Stderr.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"rfc: cache verify: RFC {problem.Rfc} {problem.Problem} (run 'rfc {problem.Rfc} --refresh' when the source is reachable)"));
        }

        return (int)(result.NotRepaired.Count == 0 ? ExitCode.Success : ExitCode.Local);
    }
}
