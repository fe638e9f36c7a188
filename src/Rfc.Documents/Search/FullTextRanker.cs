namespace Rfc.Documents.Search;

/// <summary>
/// Orders full-text matches the way index results are ordered where it applies: among documents that contain the
/// phrase about equally, the current standard before the obsolete or Informational one. Relevance (each document's
/// best unit's bm25, relative to the best match of the query) is multiplied by <c>1 + PriorWeight × prior</c>, where the
/// prior is <see cref="StandingPrior.Of"/> (0 to about 1; 0 for a document the index does not describe).
/// </summary>
internal static class FullTextRanker
{
    /// <summary>
    /// How much the prior can lift a document: 1.0, so the best-placed document (a current Internet Standard, much
    /// updated) counts at most about twice its relevance. Measured by searching the 30 queries of
    /// <c>../shared/search/queries.tsv</c> as full text over the whole corpus (2,524 documents, every match re-ordered
    /// offline from the <c>--json</c> parts): top-3 hits 11/30 with no prior, 15 at 0.25, 17 at 0.5, 19 at 1.0 and 18 at
    /// 1.5 to 3.0 (top-1: 2, 7, 8, 9, 10). The bm25 of the first twenty documents for a phrase lies within about 2× of the
    /// best, so a larger weight lets standing alone decide; 1.0 is the best top-3. Not tuned on individual queries.
    /// </summary>
    public const double PriorWeight = 1.0;

    /// <summary>
    /// How many documents, per shown result, the store reads by bm25 before re-ordering. Measured with the same queries:
    /// re-ordering only the first 15 documents by bm25 found 15/30 in the top 3, the first 25 found 18, the first 50 and
    /// every match alike 19; so five per result, and at least <see cref="MinCandidates"/>.
    /// </summary>
    public const int CandidatesPerResult = 5;

    /// <summary>The fewest documents read for re-ordering, so a small limit (1 to 9) still sees the replacement of its first hit.</summary>
    public const int MinCandidates = 50;

    /// <summary>
    /// Orders <paramref name="matches"/> (each document's best bm25, lower is better as FTS5 gives it) by relevance times
    /// the prior of the index entry <paramref name="describe"/> returns (null: not in the index), best first; ties by number.
    /// </summary>
    public static IReadOnlyList<(RfcNumber Number, FullTextScoreParts Parts)> Rank(IReadOnlyList<(RfcNumber Number, double Bm25)> matches, Func<RfcNumber, IndexCandidate?> describe)
    {
        ArgumentNullException.ThrowIfNull(matches);
        ArgumentNullException.ThrowIfNull(describe);
        if (matches.Count == 0)
        {
            return [];
        }

        // bm25 is negative in FTS5 (more negative is better): the best is the smallest, and a ratio to it is 0 to 1.
        double best = matches.Min(m => m.Bm25);
        var ranked = new List<(RfcNumber Number, FullTextScoreParts Parts)>(matches.Count);
        foreach ((RfcNumber number, double bm25) in matches)
        {
            double relevance = best < 0 ? bm25 / best : 1.0;
            IndexCandidate? entry = describe(number);
            double standing = entry is null ? 0 : StandingPrior.Standing(entry.Status, entry.IsObsoleted, entry.Stream, entry.InSubseries);
            double centrality = entry is null ? 0 : StandingPrior.Centrality(entry.UpdatedBy, entry.CitedBy);
            double prior = entry is null ? 0 : StandingPrior.Of(entry);
            ranked.Add((number, new FullTextScoreParts(bm25, relevance, standing, centrality, prior, relevance * (1 + (PriorWeight * prior)))));
        }

        ranked.Sort((a, b) => b.Parts.Total.CompareTo(a.Parts.Total) is int order and not 0 ? order : a.Number.Value.CompareTo(b.Number.Value));
        return ranked;
    }
}
