using Rfc.Documents;
using Rfc.Documents.Index;

namespace Rfc;

/// <summary>What the local index says about one RFC.</summary>
/// <param name="Entry">The index entry: title, authors, date, status, abstract and the rest.</param>
/// <param name="Relations">Its relations both ways (the index does not always list both ends), with the targets' titles.</param>
/// <param name="CurrentVersions">The ends of its obsoleted-by chain; empty when it is current.</param>
public sealed record RfcInfo(RfcIndexEntry Entry, IReadOnlyList<RfcRelation> Relations, IReadOnlyList<RfcNumber> CurrentVersions)
{
    /// <summary>The relations of one kind, in index order.</summary>
    public IReadOnlyList<RfcRelation> Of(RfcRelationKind kind) => [.. Relations.Where(r => r.Kind == kind)];
}

/// <summary>One relation of an RFC to another document of the index.</summary>
/// <param name="Kind">How they relate.</param>
/// <param name="Target">The other document (an RFC or a sub-series document).</param>
/// <param name="Title">The other document's title, when the index has it.</param>
public sealed record RfcRelation(RfcRelationKind Kind, DocId Target, string? Title);

/// <summary>How one document of the index relates to another (RFC 2026 §4.2.4 for the first four).</summary>
public enum RfcRelationKind
{
    /// <summary>This RFC replaces the target.</summary>
    Obsoletes,

    /// <summary>The target replaces this RFC.</summary>
    ObsoletedBy,

    /// <summary>This RFC amends the target.</summary>
    Updates,

    /// <summary>The target amends this RFC.</summary>
    UpdatedBy,

    /// <summary>This RFC is also the target sub-series document, e.g. STD 97.</summary>
    IsAlso,

    /// <summary>The index lists the target as related.</summary>
    SeeAlso,
}

/// <summary>A sub-series document resolved through the local index.</summary>
/// <param name="Id">The sub-series document, e.g. BCP14.</param>
/// <param name="Name">Its name as people write it: <c>BCP 14</c>.</param>
/// <param name="Title">Its title, when the index gives one.</param>
/// <param name="Members">The RFCs it consists of, by number.</param>
public sealed record Subseries(DocId Id, string Name, string? Title, IReadOnlyList<RfcNumber> Members);

/// <summary>A document in the local store.</summary>
/// <param name="Number">The RFC.</param>
/// <param name="Size">Its size in bytes.</param>
/// <param name="FetchedAt">When it was fetched or last revalidated.</param>
/// <param name="Title">Its title, when the index knows it.</param>
public sealed record StoredRfc(RfcNumber Number, long Size, DateTimeOffset FetchedAt, string? Title);
