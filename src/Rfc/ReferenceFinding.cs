using Rfc.Documents;
using Rfc.Documents.References;

namespace Rfc;

/// <summary>One cited document with what the index says about it now.</summary>
/// <param name="Reference">The entry as parsed.</param>
/// <param name="Title">The index's title for an RFC or sub-series document, else the entry's quoted title, else null.</param>
/// <param name="Status">The cited RFC's current status (<c>PROPOSED STANDARD</c>); <c>INTERNET-DRAFT</c> for a draft; null when unknown.</param>
/// <param name="Flags">Obsolete, updated, downref, not issued, unknown.</param>
/// <param name="ReplacedBy">For an obsolete RFC: the ends of its obsoleted-by chain.</param>
/// <param name="UpdatedBy">For an updated RFC: the RFCs that update it (since the citing RFC, when that is an RFC).</param>
/// <param name="Members">For a BCP/STD: the RFCs it comprises now, from the index (the entry may list older ones).</param>
public sealed record ReferenceFinding(
    Reference Reference,
    string? Title,
    string? Status,
    IReadOnlyList<ReferenceAlert> Flags,
    IReadOnlyList<RfcNumber> ReplacedBy,
    IReadOnlyList<RfcNumber> UpdatedBy,
    IReadOnlyList<RfcNumber> Members);
