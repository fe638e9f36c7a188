using Rfc.Documents;

namespace Rfc.Storage;

/// <summary>One relation of an indexed RFC, with the related RFC's title when the index has it.</summary>
/// <param name="Kind">How this RFC relates to <paramref name="Target"/>.</param>
/// <param name="Target">The related document.</param>
/// <param name="Title">The related RFC's title, or null (a sub-series document, or an RFC the index does not hold).</param>
internal sealed record IndexRelation(IndexRelationKind Kind, DocId Target, string? Title);
