namespace Rfc.Documents.References;

/// <summary>One entry of a document's reference sections.</summary>
public sealed record Reference
{
    /// <summary>The label as printed, without brackets (<c>CACHING</c>, <c>RFC2119</c>, <c>1</c>); empty for an unlabelled entry.</summary>
    public required string Label { get; init; }

    /// <summary>The section it is in.</summary>
    public required ReferenceKind Kind { get; init; }

    /// <summary>What it was resolved to.</summary>
    public required ReferenceTargetKind Target { get; init; }

    /// <summary>The RFC or sub-series document, for <see cref="ReferenceTargetKind.Rfc"/> and <see cref="ReferenceTargetKind.Subseries"/>.</summary>
    public DocId? Id { get; init; }

    /// <summary>The sub-series the entry names as well (<c>STD 98</c> for RFC 9111), if any.</summary>
    public DocId? AlsoKnownAs { get; init; }

    /// <summary>The RFCs a sub-series entry lists (<c>BCP 14</c>: RFC 2119, RFC 8174).</summary>
    public IReadOnlyList<RfcNumber> Members { get; init; } = [];

    /// <summary>The Internet-Draft's name, with its version when given (<c>draft-ietf-httpbis-semantics-19</c>).</summary>
    public string? Draft { get; init; }

    /// <summary>The entry's URL, if any.</summary>
    public string? Url { get; init; }

    /// <summary>The entry's text on one line, white space collapsed.</summary>
    public required string Text { get; init; }
}
