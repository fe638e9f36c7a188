namespace Rfc.Documents.Search;

/// <summary>
/// Why a result ranks where it does: each signal's value (0 to 1, version -1 to 1) and the weighted
/// <see cref="Total"/> the results are ordered by (higher first). See <see cref="SearchRanker"/> for the weights.
/// </summary>
/// <param name="Text">bm25 relative to the best match of this query.</param>
/// <param name="Coverage">The share of the query's words found in the title (literally or as an acronym's expansion).</param>
/// <param name="Name">How much the title or a keyword <em>is</em> the query: the name, its acronym, nothing else; for a current version that names the query in part, at least the value of an obsoleted RFC it replaces.</param>
/// <param name="Standing">Status, obsolescence and stream (<see cref="StandingPrior"/>).</param>
/// <param name="Centrality">How many RFCs update or cite it, on a log scale.</param>
/// <param name="Version">1 when the title has the version asked for, -1 when it has another, 0 otherwise.</param>
/// <param name="Total">The weighted sum.</param>
public readonly record struct ScoreParts(double Text, double Coverage, double Name, double Standing, double Centrality, double Version, double Total);
