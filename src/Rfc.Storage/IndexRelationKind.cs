namespace Rfc.Storage;

/// <summary>How one document of the index relates to another (the index's element names, RFC 2026 §4.2.4 for the first four).</summary>
internal enum IndexRelationKind
{
    /// <summary>This RFC replaces the target (<c>obsoletes</c>).</summary>
    Obsoletes,

    /// <summary>The target replaces this RFC (<c>obsoleted-by</c>).</summary>
    ObsoletedBy,

    /// <summary>This RFC amends the target (<c>updates</c>).</summary>
    Updates,

    /// <summary>The target amends this RFC (<c>updated-by</c>).</summary>
    UpdatedBy,

    /// <summary>This RFC is also the target sub-series document, e.g. <c>STD97</c> (<c>is-also</c>).</summary>
    IsAlso,

    /// <summary>The index lists the target as related (<c>see-also</c>).</summary>
    SeeAlso,
}
