namespace Rfc.Documents.Index;

/// <summary>A BCP, STD or FYI entry: the sub-series number and the RFCs it currently consists of.</summary>
internal sealed record SubseriesEntry : IndexRecord
{
    /// <summary>Creates an entry; <paramref name="id"/> must not be an RFC identifier.</summary>
    public SubseriesEntry(DocId id)
    {
        if (id.IsRfc)
        {
            throw new ArgumentException($"{id} is an RFC, not a sub-series document", nameof(id));
        }

        Id = id;
    }

    /// <inheritdoc />
    public override DocId Id { get; }

    /// <summary>The title; STD entries often have one, BCP and FYI entries usually do not.</summary>
    public string? Title { get; init; }

    /// <summary>The documents (normally RFCs) this entry consists of; empty for a number not (or no longer) in use.</summary>
    public IReadOnlyList<DocId> IsAlso { get; init; } = [];
}
