using System.CommandLine;
using System.Diagnostics;
using System.Globalization;

namespace Rfc.Cli.Commands;

/// <summary><c>rfc index [--rebuild]</c>: brings the full-text index up to date with the stored documents.</summary>
internal static class IndexCommand
{
    public static void Attach(RootCommand root, CliContext context)
    {
        Option<bool> rebuild = new("--rebuild") { Description = "Delete the full-text index and build it again from the stored documents" };
        Command index = new(
            "index",
            """
            Bring the full-text index up to date: index the stored documents it does not cover yet (new or changed),
            drop the ones no longer stored. The index is derived from the stored documents, split into one shard per
            core, each built by its own thread. 'rfc mirror' and 'rfc search --full-text' do this by themselves; this
            command does it now, or with --rebuild from nothing.

            Examples:
              rfc index
              rfc index --rebuild
            """)
        {
            rebuild,
        };
        index.SetAction(async (parse, cancellationToken) =>
        {
            await using RfcClient client = LibraryOutput.LocalClient(context);
            IndexProgressLine line = new(context, immediately: true);
            long started = Stopwatch.GetTimestamp();
            FullTextIndexResult result;
            try
            {
                result = await client.UpdateFullTextIndexAsync(parse.GetValue(rebuild), line.Callback, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                line.Finish();
            }

            double seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            context.Stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"rfc: index: {result.Indexed} {(result.Indexed == 1 ? "document" : "documents")} indexed, {result.Removed} removed, {result.Shards} {(result.Shards == 1 ? "shard" : "shards")}, {seconds:0.0} s"));
            return (int)ExitCode.Success;
        });
        root.Subcommands.Add(index);
    }
}
