using Rfc.Documents;

namespace Rfc.Served;

/// <summary>One relation of an RFC, with the target's title when the index knows it.</summary>
/// <param name="Kind">Which relation.</param>
/// <param name="Target">The other document.</param>
/// <param name="Title">Its title, or null.</param>
public sealed record ServedRelation(ServedRelationKind Kind, DocId Target, string? Title);
