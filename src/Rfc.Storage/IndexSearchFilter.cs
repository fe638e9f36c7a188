namespace Rfc.Storage;

/// <summary>Filters for <see cref="RfcStore.SearchIndex"/>; null means no filter.</summary>
internal sealed record IndexSearchFilter
{
    /// <summary>The default number of results.</summary>
    public const int DefaultLimit = 20;

    /// <summary>Only RFCs whose current status has this display text (<c>PROPOSED STANDARD</c>).</summary>
    public string? Status { get; init; }

    /// <summary>Only RFCs published in or after this year.</summary>
    public int? Since { get; init; }

    /// <summary>Only RFCs with an author whose name contains this text (case-insensitive for ASCII).</summary>
    public string? Author { get; init; }

    /// <summary>Only RFCs from this working group (acronym, case-insensitive).</summary>
    public string? WorkingGroup { get; init; }

    /// <summary>At most this many results.</summary>
    public int Limit { get; init; } = DefaultLimit;
}
