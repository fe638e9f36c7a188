using Rfc.Documents;
using Rfc.Documents.Index;

namespace Rfc.Served;

/// <summary>What the index says about one RFC: its entry, its relations both ways, and its current replacements.</summary>
/// <param name="Entry">The index entry.</param>
/// <param name="Relations">Relations in both directions (the index does not always list both ends).</param>
/// <param name="Current">The ends of its obsoleted-by chain; empty when nothing obsoletes it.</param>
public sealed record ServedInfo(RfcIndexEntry Entry, IReadOnlyList<ServedRelation> Relations, IReadOnlyList<RfcNumber> Current)
{
    /// <summary>The relations of one kind, in index order.</summary>
    public IReadOnlyList<ServedRelation> Of(ServedRelationKind kind) => [.. Relations.Where(r => r.Kind == kind)];
}
