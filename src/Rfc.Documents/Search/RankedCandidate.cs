namespace Rfc.Documents.Search;

/// <summary>A candidate with its score, as <see cref="SearchRanker.Rank"/> orders them.</summary>
/// <param name="Candidate">The RFC.</param>
/// <param name="Score">Its score and the parts it is made of.</param>
internal sealed record RankedCandidate(IndexCandidate Candidate, ScoreParts Score);
