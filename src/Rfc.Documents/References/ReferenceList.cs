namespace Rfc.Documents.References;

/// <summary>What <see cref="ReferenceParser"/> found in a document.</summary>
/// <param name="HasReferenceSection">True when the document has a references section (it may be empty).</param>
/// <param name="References">The entries in document order.</param>
/// <param name="IntendedStatus">A draft's "Intended status:" header value (<c>Standards Track</c>), or null.</param>
internal sealed record ReferenceList(bool HasReferenceSection, IReadOnlyList<Reference> References, string? IntendedStatus);
