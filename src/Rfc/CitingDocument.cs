using Rfc.Documents;
using Rfc.Documents.References;

namespace Rfc;

/// <summary>A stored document that cites a given RFC (<c>rfc refs N --cited-by</c>), with its title and how it cites it.</summary>
public sealed record CitingDocument(RfcNumber Number, string? Title, ReferenceKind Kind, string Label);
