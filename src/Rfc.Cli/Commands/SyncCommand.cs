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
        Option<string?> errataUrl = new("--errata-url")
        {
            Description = $"Where the errata come from (the RFC Editor's errata.json) [env: RFC_ERRATA_URL; default: {RfcClient.DefaultErrataUrl} when the index comes from its default too]",
            HelpName = "URL",
        };
        Command sync = new(
            "sync",
            """
            Download the RFC Editor's index (titles, authors, status, relations, abstracts) and its errata into the
            local store. A second sync sends If-None-Match / If-Modified-Since, so an unchanged file costs one round trip.
            With --index-url pointing elsewhere, errata are synced only when --errata-url (or RFC_ERRATA_URL) says from where.

            Examples:
              rfc sync                                         from https://www.rfc-editor.org/rfc-index.xml
              rfc sync --index-url http://mirror.example/rfc-index.txt
              RFC_INDEX_URL=http://127.0.0.1:8080/rfc-index.xml rfc sync
              rfc sync --index-url http://mirror.example/rfc-index.xml --errata-url http://mirror.example/errata.json
            """)
        {
            indexUrl,
            errataUrl,
        };
        sync.SetAction((parse, cancellationToken) =>
        {
            string? index = parse.GetValue(indexUrl) ?? context.Env("RFC_INDEX_URL");
            Uri? errata = ErrataUrl(parse.GetValue(errataUrl) ?? context.Env("RFC_ERRATA_URL"), string.IsNullOrWhiteSpace(index));
            return RunAsync(ParseUrl(index), errata, globals.ClientOptions(parse, context), context, cancellationToken);
        });
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

    /// <summary>
    /// The errata URL: the one given, else the RFC Editor's when the index comes from there too. An index taken from
    /// elsewhere (a mirror, a test server) gets no errata unless asked: rfc does not reach rfc-editor.org behind the
    /// back of someone who pointed it somewhere else.
    /// </summary>
    internal static Uri? ErrataUrl(string? text, bool defaultIndex)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return defaultIndex ? new Uri(RfcClient.DefaultErrataUrl) : null;
        }

        string value = text.Trim();
        if (!Uri.TryCreate(value, UriKind.Absolute, out Uri? url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps) || url.Host.Length == 0)
        {
            throw new CliUsageException($"errata URL '{value}' is not an http or https URL (check --errata-url or RFC_ERRATA_URL)");
        }

        return url;
    }

    private static async Task<int> RunAsync(Uri indexUrl, Uri? errataUrl, RfcClientOptions options, CliContext context, CancellationToken cancellationToken)
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
        if (errataUrl is not null)
        {
            // After the index, in its own transaction: a bad errata file fails the command (exit 4) but keeps the new
            // index and the previous errata.
            ErrataSyncResult errata = await client.SyncErrataAsync(errataUrl, cancellationToken);
            string same = errata.NotModified ? " (not modified since the last sync)" : "";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"synced {errata.Records} errata from {errata.Url}{same}"));
            await output.FlushAsync(cancellationToken);
        }

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
