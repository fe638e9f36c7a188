using System.Globalization;
using System.Xml;
using Rfc.Documents.Index;
using Rfc.Http;
using Rfc.Storage;
using Rfc.Transport;

namespace Rfc;

/// <summary>The index half of the façade: <c>rfc sync</c>.</summary>
public sealed partial class RfcClient
{
    /// <summary>The RFC Editor's XML index, the default for <c>--index-url</c> and <c>RFC_INDEX_URL</c>.</summary>
    public const string DefaultIndexUrl = "https://www.rfc-editor.org/rfc-index.xml";

    /// <summary>
    /// The largest index accepted. rfc-index.xml is about 14 MB in 2026 and grows by well under 1 MB a year;
    /// 256 MiB stops a misconfigured URL from filling the disk.
    /// </summary>
    public const long MaxIndexBytes = 256L * 1024 * 1024;

    /// <summary>The synced XML index, kept byte-exact beside the database so <c>rfc serve</c> can serve it.</summary>
    public const string XmlIndexFileName = "rfc-index.xml";

    /// <summary>The synced text index, kept byte-exact beside the database so <c>rfc serve</c> can serve it.</summary>
    public const string TextIndexFileName = "rfc-index.txt";

    /// <summary>How often (in entries) <see cref="SyncIndexAsync"/> reports progress.</summary>
    private const int ProgressInterval = 250;

    /// <summary>
    /// Downloads the index at <paramref name="indexUrl"/> through the same redirecting client and transport as
    /// documents, with <c>If-None-Match</c>/<c>If-Modified-Since</c> from the last sync of that URL (a 304 costs one
    /// round trip and writes nothing). The body goes to a temporary file first, so the store's write lock is held only
    /// while parsing, not while the network is slow; the format (XML or text) is chosen by content; entries are parsed
    /// streaming and upserted in one transaction with the new ETag. <paramref name="progress"/> receives the number of
    /// entries processed so far.
    /// </summary>
    public async Task<IndexSyncResult> SyncIndexAsync(Uri indexUrl, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(indexUrl);
        RfcStore store = RequiredStore;
        string url = indexUrl.ToString();
        // Without the kept index file a 304 would leave nothing to serve, so such a sync downloads the index again.
        bool kept = File.Exists(Path.Combine(store.Directory, XmlIndexFileName)) || File.Exists(Path.Combine(store.Directory, TextIndexFileName));
        IndexSyncState? previous = FromStore(() => kept && store.CountIndexEntries() > 0 ? store.GetSyncState(url) : null);

        // RFC 9110 §13.1.3: a server that understands If-None-Match ignores If-Modified-Since; one that does not still gets a date.
        FetchRequest request = new(indexUrl) { IfNoneMatch = previous?.ETag, IfModifiedSince = previous?.LastModified };
        string download = Path.Combine(store.Directory, $"index-{Path.GetRandomFileName()}.tmp");
        try
        {
            FetchResponse response = await Client.SendAsync(request, cancellationToken).ConfigureAwait(false);
            await using (response.ConfigureAwait(false))
            {
                if (response.StatusCode == 304 && previous is not null)
                {
                    FromStore(() => store.MarkIndexUnchanged(url, DateTimeOffset.UtcNow));
                    _options.Http.Trace?.TraceLibrary($"index {url}: unchanged (304)");
                    return new IndexSyncResult(indexUrl, NotModified: true, IndexFormat.Unknown, Added: 0, Changed: 0, Unchanged: previous.Entries);
                }

                if (response.StatusCode != 200)
                {
                    throw new RfcLibraryException(RfcLibraryErrorKind.IndexUnavailable, $"{response.Uri} answered HTTP {response.Status} instead of the RFC index") { StatusCode = response.StatusCode };
                }

                await SaveAsync(response, download, cancellationToken).ConfigureAwait(false);
                IndexSyncState state = new(url, response.Header("ETag"), LastModified(response), DateTimeOffset.UtcNow, 0);
                IndexSyncResult result;
                try
                {
                    result = await ApplyIndexAsync(store, response.Uri, download, state, progress, cancellationToken).ConfigureAwait(false);
                }
                catch (StoreException e)
                {
                    throw new RfcLibraryException(RfcLibraryErrorKind.Store, e.Message, e);
                }

                KeepIndexFile(store.Directory, download, result.Format);
                return result;
            }
        }
        finally
        {
            File.Delete(download);
        }
    }

    private static async Task<IndexSyncResult> ApplyIndexAsync(RfcStore store, Uri source, string path, IndexSyncState state, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        FileStream file = new(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, useAsync: true);
        await using (file.ConfigureAwait(false))
        {
            IndexFormat format = await IndexFormatSniffer.DetectAsync(file, cancellationToken).ConfigureAwait(false);
            IAsyncEnumerable<IndexRecord> records = format switch
            {
                IndexFormat.Xml => RfcIndexXmlParser.ParseAsync(file, cancellationToken),
                IndexFormat.Text => RfcIndexTextParser.ParseAsync(file, cancellationToken),
                _ => throw new RfcLibraryException(RfcLibraryErrorKind.InvalidIndex, $"{source} is neither rfc-index.xml nor rfc-index.txt"),
            };

            using IndexUpdate update = store.BeginIndexUpdate();
            int seen = 0;
            try
            {
                await foreach (IndexRecord record in records.ConfigureAwait(false))
                {
                    update.Add(record);
                    if (++seen % ProgressInterval == 0)
                    {
                        progress?.Report(seen);
                    }
                }
            }
            catch (IndexFormatException e)
            {
                // A line or entry far longer than any in the real index: refused before it costs time or memory.
                throw new RfcLibraryException(RfcLibraryErrorKind.InvalidIndex, $"the index from {source} is not the RFC index: {e.Message}", e);
            }
            catch (XmlException e)
            {
                // XmlException's Message is the platform's text (a resource key under NativeAOT): say where instead.
                throw new RfcLibraryException(RfcLibraryErrorKind.InvalidIndex, string.Create(CultureInfo.InvariantCulture, $"the index from {source} is not well-formed XML (line {e.LineNumber}, column {e.LinePosition})"), e);
            }

            IndexUpdateCounts counts = update.Counts;
            if (counts.Total == 0)
            {
                // Recording the ETag of an index that held nothing would make the next sync skip the real one.
                throw new RfcLibraryException(RfcLibraryErrorKind.InvalidIndex, $"the index from {source} holds no RFC entries");
            }

            progress?.Report(seen);
            update.Commit(state with { Entries = counts.Total });
            return new IndexSyncResult(source, NotModified: false, format, counts.Added, counts.Changed, counts.Unchanged);
        }
    }

    /// <summary>
    /// Keeps the downloaded index, byte for byte, as <c>rfc-index.xml</c> or <c>rfc-index.txt</c> beside the database
    /// (a rename: readers see the old file or the new one, never half of one) and removes the other format's file.
    /// </summary>
    private static void KeepIndexFile(string directory, string download, IndexFormat format)
    {
        (string keep, string drop) = format == IndexFormat.Xml ? (XmlIndexFileName, TextIndexFileName) : (TextIndexFileName, XmlIndexFileName);
        File.Move(download, Path.Combine(directory, keep), overwrite: true);
        File.Delete(Path.Combine(directory, drop));
    }

    private static async Task SaveAsync(FetchResponse response, string path, CancellationToken cancellationToken)
    {
        FileStream file = new(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 16, useAsync: true);
        await using (file.ConfigureAwait(false))
        {
            byte[] chunk = new byte[81920];
            int read;
            while ((read = await response.Content.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (file.Length + read > MaxIndexBytes)
                {
                    throw new RfcLibraryException(RfcLibraryErrorKind.InvalidIndex, string.Create(CultureInfo.InvariantCulture, $"{response.Uri} sent more than {MaxIndexBytes / (1024 * 1024)} MiB; that is not the RFC index"));
                }

                await file.WriteAsync(chunk.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
