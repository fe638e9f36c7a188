using System.Globalization;
using Rfc.Documents;
using Rfc.Documents.Errata;
using Rfc.Http;
using Rfc.Storage;

namespace Rfc;

/// <summary>The errata half of the façade: syncing the RFC Editor's errata file and reading an RFC's errata.</summary>
public sealed partial class RfcClient
{
    /// <summary>The RFC Editor's errata file, the default for <c>--errata-url</c> and <c>RFC_ERRATA_URL</c> (<c>/errata.json</c> redirects here).</summary>
    public const string DefaultErrataUrl = "https://www.rfc-editor.org/api/v1/errata.json";

    /// <summary>
    /// Downloads the errata file at <paramref name="errataUrl"/> with <c>If-None-Match</c> carrying the ETag of the last
    /// sync of that URL exactly as it was received (the server sends no Last-Modified; a 304 writes nothing), parses
    /// it streaming, and replaces the stored errata in one transaction. A malformed or truncated file throws a
    /// <see cref="RfcLibraryException"/> (<see cref="RfcLibraryErrorKind.InvalidErrata"/>) and leaves the previous errata as they were.
    /// </summary>
    public async Task<ErrataSyncResult> SyncErrataAsync(Uri errataUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(errataUrl);
        RfcStore store = RequiredStore;
        string url = errataUrl.ToString();
        ErrataSyncState? previous = FromStore(() => store.GetErrataSyncState(url));
        FetchRequest request = new(errataUrl) { IfNoneMatch = previous?.ETag };
        _client ??= new RedirectingClient(Transports.Create(_options.Transport, _options.Http), _options.Http.Trace);
        FetchResponse response = await _client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await using (response.ConfigureAwait(false))
        {
            if (response.StatusCode == 304 && previous is not null)
            {
                FromStore(() => store.MarkErrataUnchanged(url, DateTimeOffset.UtcNow));
                _options.Http.Trace?.TraceLibrary($"errata {url}: unchanged (304)");
                return new ErrataSyncResult(errataUrl, NotModified: true, previous.Records, 0, 0);
            }

            if (response.StatusCode != 200)
            {
                throw new RfcLibraryException(RfcLibraryErrorKind.ErrataUnavailable, $"{response.Uri} answered HTTP {response.Status} instead of the errata file") { StatusCode = response.StatusCode };
            }

            using MemoryStream body = await ReadErrataAsync(response, cancellationToken).ConfigureAwait(false);
            ErrataParseResult parsed;
            try
            {
                parsed = ErrataParser.Parse(body);
            }
            catch (ErrataFormatException e)
            {
                throw new RfcLibraryException(RfcLibraryErrorKind.InvalidErrata, $"{e.Message} ({response.Uri}; the errata from the last sync are kept)", e);
            }

            string? etag = response.Header("ETag");
            FromStore(() => store.ReplaceErrata(parsed.Records, new ErrataSyncState(url, etag, DateTimeOffset.UtcNow, parsed.Records.Count)));
            _options.Http.Trace?.TraceLibrary(string.Create(CultureInfo.InvariantCulture, $"errata {url}: {parsed.Records.Count} records ({body.Length} bytes), {parsed.Skipped} skipped"));
            return new ErrataSyncResult(errataUrl, NotModified: false, parsed.Records.Count, parsed.Skipped, body.Length);
        }
    }

    /// <summary>True once errata have been synced into the store.</summary>
    public bool HasErrata => Store is { } store && FromStore(store.HasErrata);

    /// <summary>
    /// RFC <paramref name="number"/>'s errata from the store, in the RFC Editor's order (Verified, Reported, Held for
    /// Document Update, Rejected; Technical before Editorial), kept to <paramref name="statuses"/> when given. Throws <see cref="RfcLibraryErrorKind.NoErrata"/> when errata were
    /// never synced.
    /// </summary>
    public IReadOnlyList<ErrataRecord> GetErrata(RfcNumber number, IReadOnlyCollection<ErrataStatus>? statuses = null)
    {
        if (!HasErrata)
        {
            throw new RfcLibraryException(RfcLibraryErrorKind.NoErrata, "the local store holds no errata") { Number = number };
        }

        RfcStore store = RequiredStore;
        List<ErrataRecord> records = [.. FromStore(() => store.GetErrata(number)).Where(r => statuses is null || statuses.Contains(r.Status))];
        records.Sort(ErrataRecord.Compare);
        return records;
    }

    /// <summary>RFC <paramref name="number"/>'s errata counted by status; null when errata were never synced.</summary>
    public ErrataCounts? GetErrataCounts(RfcNumber number)
    {
        // The cached read's errata note: from the read-only fast path when it can answer, so the store stays closed.
        if (Reader is { } reader && reader.TryGetErrataKinds(number, out IReadOnlyList<(string Status, string Type)>? kinds))
        {
            return kinds is null ? null : ErrataCounts.Of(kinds);
        }

        return Store is RfcStore store && FromStore(store.HasErrata) ? ErrataCounts.Of(FromStore(() => store.GetErrataKinds(number))) : null;
    }

    private static async Task<MemoryStream> ReadErrataAsync(FetchResponse response, CancellationToken cancellationToken)
    {
        MemoryStream body = new();
        byte[] chunk = new byte[81920];
        int read;
        while ((read = await response.Content.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (body.Length + read > ErrataParser.MaxFileBytes)
            {
                await body.DisposeAsync().ConfigureAwait(false);
                throw new RfcLibraryException(RfcLibraryErrorKind.InvalidErrata, string.Create(CultureInfo.InvariantCulture, $"{response.Uri} sent more than {ErrataParser.MaxFileBytes / (1024 * 1024)} MiB; that is not the errata file"));
            }

            body.Write(chunk, 0, read);
        }

        body.Position = 0;
        return body;
    }
}
