using System.CommandLine;
using System.Globalization;

namespace Rfc.Cli.Commands;

/// <summary><c>rfc sync</c>: downloads the RFC Editor's index into the local store.</summary>
internal static class SyncCommand
{
    public static void Attach(RootCommand root, GlobalOptions globals, CliContext context)
    {
        Option<string?> indexUrl = new("--index-url")
        {
            Description = $"Where the index comes from: rfc-index.xml or rfc-index.txt, chosen by content [env: RFC_INDEX_URL; default: {RfcClient.DefaultIndexUrl}]",
            HelpName = "URL",
        };
        Command sync = new(
            "sync",
            """
            Download the RFC Editor's index (titles, authors, status, relations, abstracts) into the local store.
            A second sync sends If-None-Match / If-Modified-Since, so an unchanged index costs one round trip.

            Examples:
              rfc sync                                         from https://www.rfc-editor.org/rfc-index.xml
              rfc sync --index-url http://mirror.example/rfc-index.txt
              RFC_INDEX_URL=http://127.0.0.1:8080/rfc-index.xml rfc sync
            """)
        {
            indexUrl,
        };
        sync.SetAction((parse, cancellationToken) => RunAsync(ParseUrl(parse.GetValue(indexUrl) ?? context.Env("RFC_INDEX_URL")), globals.ClientOptions(parse, context), context, cancellationToken));
        root.Subcommands.Add(sync);
    }

    internal static Uri ParseUrl(string? text)
    {
        string value = string.IsNullOrWhiteSpace(text) ? RfcClient.DefaultIndexUrl : text.Trim();
        if (!Uri.TryCreate(value, UriKind.Absolute, out Uri? url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps) || url.Host.Length == 0)
        {
            throw new CliUsageException($"index URL '{value}' is not an http or https URL (check --index-url or RFC_INDEX_URL)");
        }

        return url;
    }

    private static async Task<int> RunAsync(Uri indexUrl, RfcClientOptions options, CliContext context, CancellationToken cancellationToken)
    {
        await using RfcClient client = new(options);
        // Progress is for a person watching: on a terminal only, on stderr, rewritten in place.
        Progress? progress = context.StderrIsTerminal ? new Progress(context.Stderr) : null;
        IndexSyncResult result = await client.SyncIndexAsync(indexUrl, progress, cancellationToken);
        progress?.Clear();

        using StreamWriter output = LibraryOutput.Writer(context);
        string unchanged = result.NotModified ? " (not modified since the last sync)" : "";
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"synced {result.Total} entries from {result.Url}: {result.Added} added, {result.Changed} changed{unchanged}"));
        await output.FlushAsync(cancellationToken);
        return (int)ExitCode.Success;
    }

    /// <summary>Reports synchronously: <see cref="Progress{T}"/> would post to the thread pool and print after the summary.</summary>
    private sealed class Progress(TextWriter stderr) : IProgress<int>
    {
        private bool _shown;

        public void Report(int value)
        {
            stderr.Write(string.Create(CultureInfo.InvariantCulture, $"\rrfc: syncing the index: {value} entries"));
            stderr.Flush();
            _shown = true;
        }

        public void Clear()
        {
            if (_shown)
            {
                stderr.Write("\r\u001b[K");
                stderr.Flush();
            }
        }
    }
}
