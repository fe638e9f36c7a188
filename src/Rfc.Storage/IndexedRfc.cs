using Rfc.Documents.Index;

namespace Rfc.Storage;

/// <summary>An RFC as the stored index describes it, with its relations in both directions.</summary>
/// <param name="Entry">The entry as synced. Its relation lists are those the index states for this RFC.</param>
/// <param name="Relations">
/// The relations stated by this entry and those implied by other entries (RFC X listing "obsoletes this"
/// shows here as obsoleted by X), without duplicates, each with the related RFC's title.
/// </param>
internal sealed record IndexedRfc(RfcIndexEntry Entry, IReadOnlyList<IndexRelation> Relations)
{
    /// <summary>The related documents of one kind, in number order.</summary>
    public IReadOnlyList<IndexRelation> Of(IndexRelationKind kind) => [.. Relations.Where(r => r.Kind == kind)];
}
