namespace Rfc.Documents.References;

/// <summary>What a reference entry was resolved to.</summary>
public enum ReferenceTargetKind
{
    /// <summary>An RFC (<see cref="Reference.Id"/>).</summary>
    Rfc,

    /// <summary>A BCP, STD or FYI as a whole (<see cref="Reference.Id"/>), with the RFCs it lists in <see cref="Reference.Members"/>.</summary>
    Subseries,

    /// <summary>An Internet-Draft (<see cref="Reference.Draft"/>).</summary>
    Draft,

    /// <summary>Another recognised document: a URL, a DOI, an ISBN, or a standard of another body (ISO, ITU, IEEE, W3C, …).</summary>
    External,

    /// <summary>Nothing recognised.</summary>
    Unresolved,
}
