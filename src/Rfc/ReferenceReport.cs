namespace Rfc;

/// <summary>What <c>rfc refs</c> reports for one document.</summary>
/// <param name="Rfc">The citing RFC, or null for a local draft.</param>
/// <param name="Status">The citing document's status: the RFC's current status, or a draft's "Intended status"; null when unknown.</param>
/// <param name="StandardsTrack">True when the citing document is (or intends to be) on the standards track, so downrefs apply.</param>
/// <param name="HasReferenceSection">False when the document has no references section.</param>
/// <param name="References">Every entry, in document order.</param>
public sealed record ReferenceReport(Documents.RfcNumber? Rfc, string? Status, bool StandardsTrack, bool HasReferenceSection, IReadOnlyList<ReferenceFinding> References);
