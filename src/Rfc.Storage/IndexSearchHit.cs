using Rfc.Documents;
using Rfc.Documents.Index;
using Rfc.Documents.Search;

namespace Rfc.Storage;

/// <summary>One result of a ranked index search, best first.</summary>
/// <param name="Number">The RFC.</param>
/// <param name="Title">Its title.</param>
/// <param name="Date">Its publication date, when the index has one.</param>
/// <param name="Status">Its current status.</param>
/// <param name="IsObsoleted">True when another RFC obsoletes it: a reader should go to the current one.</param>
/// <param name="Score">The ranking score (higher is better): <see cref="ScoreParts.Total"/> of <see cref="Parts"/>.</param>
internal sealed record IndexSearchHit(RfcNumber Number, string Title, RfcDate? Date, RfcStatus Status, bool IsObsoleted, double Score)
{
    /// <summary>The signals the score is made of, so callers can show why it ranks where it does.</summary>
    public ScoreParts Parts { get; init; }

    /// <summary>When obsoleted, the ends of its obsoleted-by chain (its current versions), in number order; else empty.</summary>
    public IReadOnlyList<RfcNumber> CurrentVersions { get; init; } = [];

    /// <summary>True when it matches only some of the query's words (ranked after every RFC that matches them all).</summary>
    public bool IsPartial { get; init; }
}
