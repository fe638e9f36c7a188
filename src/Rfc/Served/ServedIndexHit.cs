using Rfc.Documents;
using Rfc.Documents.Index;

namespace Rfc.Served;

/// <summary>One result of the ranked index search, as <c>rfc search</c> shows it.</summary>
/// <param name="Number">The RFC.</param>
/// <param name="Title">Its title.</param>
/// <param name="Date">Its publication date, when known.</param>
/// <param name="Status">Its current status.</param>
/// <param name="IsObsoleted">True when another RFC obsoletes it.</param>
/// <param name="Current">The ends of its obsoleted-by chain; empty when it is current.</param>
public sealed record ServedIndexHit(RfcNumber Number, string Title, RfcDate? Date, RfcStatus Status, bool IsObsoleted, IReadOnlyList<RfcNumber> Current);
