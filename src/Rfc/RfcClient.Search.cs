using Rfc.Storage;

namespace Rfc;

/// <summary>The search half of the façade: ranked search over the index, and full text over stored documents.</summary>
public sealed partial class RfcClient
{
    /// <summary>The longest search query, in characters; a longer one is refused before anything is searched.</summary>
    public const int MaxQueryLength = Documents.Search.SearchQuery.MaxLength;

    /// <summary>
    /// Searches the local index: the RFC whose title names the query and that is a current standard first (see
    /// <see cref="Documents.Search.SearchRanker"/>), numbers and sub-series straight to their documents, misspelt words
    /// corrected, partial matches after whole ones; with the current versions of each obsolete hit. Throws
    /// <see cref="RfcLibraryException"/>: no index, or a query that is empty, too long or unparsable.
    /// </summary>
    public RfcSearchResults SearchIndex(string query, RfcSearchFilter filter)
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
        return FromStore(() =>
        {
            IndexSearchResults results = store.SearchIndex(query, storeFilter);
            List<RfcSearchHit> hits = [.. results.Select(h => new RfcSearchHit(h.Number, h.Title, h.Date, h.Status, h.IsObsoleted, h.CurrentVersions, h.Score)
            {
                Parts = h.Parts,
                IsPartial = h.IsPartial,
            })];
            return new RfcSearchResults(hits, results.SearchedFor, results.IsCorrected, results.IsPartial);
        });
    }

    /// <summary>
    /// Searches the text of the stored documents, ordered by relevance and the index's standing prior (among documents
    /// that contain the phrase, the current standard before the obsolete one): at most <paramref name="limit"/> hits, each with a snippet (matched words
    /// between <see cref="RfcTextHit.HighlightStart"/> and <see cref="RfcTextHit.HighlightEnd"/>), its page and section.
    /// Throws <see cref="RfcLibraryException"/>: no documents stored, or a query the search engine cannot parse.
    /// </summary>
    public IReadOnlyList<RfcTextHit> SearchText(string query, int limit)
    {
        ArgumentNullException.ThrowIfNull(query);
        RfcStore store = RequiredStore;
        if (FromStore(store.CountDocuments) == 0)
        {
            throw new RfcLibraryException(RfcLibraryErrorKind.NoDocuments, "no documents are stored to search");
        }

        return FromStore(() => store.SearchDocuments(query, limit)
            .Select(h => new RfcTextHit(h.Number, h.Title, h.Snippet, h.Page, h.Section, h.Score) { Parts = h.Parts })
            .ToList());
    }
}
