using Rfc.Documents;
using Rfc.Documents.Search;

namespace Rfc.Storage;

/// <summary>One result of a full-text search over stored documents, best first.</summary>
/// <param name="Number">The RFC.</param>
/// <param name="Title">Its title when the index is synced, else null.</param>
/// <param name="Snippet">
/// A short excerpt around the best match, white space collapsed, matched words between
/// <see cref="RfcStore.HighlightStart"/> and <see cref="RfcStore.HighlightEnd"/>.
/// </param>
/// <param name="Page">The page the match is on in a paginated RFC (from its <c>[Page N]</c> footers); null in v3 RFCs.</param>
/// <param name="Section">The nearest heading before the match (<c>8.8.3. Last-Modified</c>), or null.</param>
/// <param name="Score">The ranking score, higher is better: <see cref="FullTextScoreParts.Total"/> of <see cref="Parts"/>.</param>
internal sealed record FullTextHit(RfcNumber Number, string? Title, string Snippet, int? Page, string? Section, double Score)
{
    /// <summary>The score's parts (bm25, relevance, standing, centrality), so callers can show why it ranks there.</summary>
    public FullTextScoreParts Parts { get; init; }
}
