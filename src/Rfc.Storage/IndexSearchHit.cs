using Rfc.Documents;
using Rfc.Documents.Index;

namespace Rfc.Storage;

/// <summary>One result of a ranked index search, best first.</summary>
/// <param name="Number">The RFC.</param>
/// <param name="Title">Its title.</param>
/// <param name="Date">Its publication date, when the index has one.</param>
/// <param name="Status">Its current status.</param>
/// <param name="IsObsoleted">True when another RFC obsoletes it: a reader should go to the current one.</param>
/// <param name="Score">The bm25 score (lower is better, as SQLite reports it).</param>
public sealed record IndexSearchHit(RfcNumber Number, string Title, RfcDate? Date, RfcStatus Status, bool IsObsoleted, double Score);
