using Rfc.Storage;

namespace Rfc;

/// <summary>The search half of the façade: ranked search over the index, and full text over stored documents.</summary>
public sealed partial class RfcClient
{
    /// <summary>
    /// Searches the local index, ranked by relevance (bm25, the title weighted most), with the current versions of each
    /// obsolete hit. Throws <see cref="RfcLibraryException"/>: no index, or a query the search engine cannot parse.
    /// </summary>
    public IReadOnlyList<RfcSearchHit> SearchIndex(string query, RfcSearchFilter filter)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(filter);
        RequireIndex();
        RfcStore store = RequiredStore;
        IndexSearchFilter storeFilter = new()
        {
            Status = filter.Status,
            Since = filter.Since,
            Author = filter.Author,
            WorkingGroup = filter.WorkingGroup,
            Limit = filter.Limit,
        };
        return FromStore(() => store.SearchIndex(query, storeFilter)
            .Select(h => new RfcSearchHit(h.Number, h.Title, h.Date, h.Status, h.IsObsoleted, h.IsObsoleted ? store.GetCurrentVersions(h.Number) : [], h.Score))
            .ToList());
    }

    /// <summary>
    /// Searches the text of the stored documents: at most <paramref name="limit"/> hits, each with a snippet (matched words
    /// between <see cref="RfcTextHit.HighlightStart"/> and <see cref="RfcTextHit.HighlightEnd"/>), its page and section.
    /// Throws <see cref="RfcLibraryException"/>: no documents stored, or a query the search engine cannot parse.
    /// </summary>
    public IReadOnlyList<RfcTextHit> SearchText(string query, int limit)
    {
        ArgumentNullException.ThrowIfNull(query);
        RfcStore store = RequiredStore;
        if (FromStore(store.ListDocuments).Count == 0)
        {
            throw new RfcLibraryException(RfcLibraryErrorKind.NoDocuments, "no documents are stored to search");
        }

        return FromStore(() => store.SearchDocuments(query, limit)
            .Select(h => new RfcTextHit(h.Number, h.Title, h.Snippet, h.Page, h.Section, h.Score))
            .ToList());
    }
}
