namespace Rfc.Documents.Search;

/// <summary>Why a full-text result ranks where it does (<see cref="FullTextRanker"/>): its parts and the total it is ordered by.</summary>
/// <param name="Bm25">FTS5's bm25 of the document's best unit (page or section); lower (more negative) is better.</param>
/// <param name="Relevance">That bm25 relative to the query's best match: 1 for the best, towards 0 for weaker ones.</param>
/// <param name="Standing">Status, obsolescence and stream (<see cref="StandingPrior.Standing"/>); 0 when the index does not describe it.</param>
/// <param name="Centrality">How many RFCs update or cite it, on a log scale (<see cref="StandingPrior.Centrality"/>).</param>
/// <param name="Prior">The two combined (<see cref="StandingPrior.Of"/>).</param>
/// <param name="Total">Relevance × (1 + <see cref="FullTextRanker.PriorWeight"/> × prior): the order, higher first.</param>
public readonly record struct FullTextScoreParts(double Bm25, double Relevance, double Standing, double Centrality, double Prior, double Total);
