namespace Rfc.Served;

/// <summary>How one RFC relates to another in the index, in both directions.</summary>
public enum ServedRelationKind
{
    /// <summary>This RFC obsoletes the target.</summary>
    Obsoletes,

    /// <summary>The target obsoletes this RFC.</summary>
    ObsoletedBy,

    /// <summary>This RFC updates the target.</summary>
    Updates,

    /// <summary>The target updates this RFC.</summary>
    UpdatedBy,

    /// <summary>This RFC is also known as the target (a BCP, STD or FYI number).</summary>
    IsAlso,

    /// <summary>The index says to see the target too.</summary>
    SeeAlso,
}
