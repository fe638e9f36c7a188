namespace Rfc.Documents.Index;

/// <summary>
/// One RFC as the index describes it. Both index formats fill the same record; the text index has no
/// keywords, abstract, stream, area, working group, page count, errata link or publication status, so
/// those stay empty or null when the entry came from <c>rfc-index.txt</c>.
/// </summary>
public sealed record RfcIndexEntry : IndexRecord
{
    /// <summary>The RFC number.</summary>
    public required RfcNumber Number { get; init; }

    /// <inheritdoc />
    public override DocId Id => DocId.ForRfc(Number);

    /// <summary>True for a number the RFC Editor assigned but never published (<c>14 Not Issued.</c>); nearly every other field is then empty.</summary>
    public bool NotIssued { get; init; }

    /// <summary>The title, without the text index's terminating period; empty when not issued.</summary>
    public string Title { get; init; } = "";

    /// <summary>The authors, in index order.</summary>
    public IReadOnlyList<RfcAuthor> Authors { get; init; } = [];

    /// <summary>The publication date; null when not issued or when the index entry has none that can be read.</summary>
    public RfcDate? Date { get; init; }

    /// <summary>Formats as the index spells them (<c>TXT</c>, <c>HTML</c>, <c>PDF</c>, <c>PS</c>, <c>XML</c>, or values the schema does not list).</summary>
    public IReadOnlyList<string> Formats { get; init; } = [];

    /// <summary>The page count (0 for PDF-only RFCs in the XML index); null when the source does not say.</summary>
    public int? PageCount { get; init; }

    /// <summary>The current status.</summary>
    public RfcStatus CurrentStatus { get; init; } = RfcStatus.Unknown;

    /// <summary>The status at publication; null when the source does not say (the text index gives only the current one).</summary>
    public RfcStatus? PublicationStatus { get; init; }

    /// <summary>The stream (<c>IETF</c>, <c>IAB</c>, <c>IRTF</c>, <c>INDEPENDENT</c>, <c>Legacy</c>, …).</summary>
    public string? Stream { get; init; }

    /// <summary>The IETF area acronym, when the index has one.</summary>
    public string? Area { get; init; }

    /// <summary>The working group acronym (<c>wg_acronym</c>), when the index has one.</summary>
    public string? WorkingGroup { get; init; }

    /// <summary>Keywords, in index order.</summary>
    public IReadOnlyList<string> Keywords { get; init; } = [];

    /// <summary>The abstract, paragraphs separated by a blank line; null when the index has none.</summary>
    public string? Abstract { get; init; }

    /// <summary>The Internet-Draft the RFC was published from, e.g. <c>draft-ietf-httpbis-semantics-19</c>.</summary>
    public string? Draft { get; init; }

    /// <summary>The DOI, e.g. <c>10.17487/RFC2616</c>.</summary>
    public string? Doi { get; init; }

    /// <summary>The errata page, when the RFC has errata.</summary>
    public string? ErrataUrl { get; init; }

    /// <summary>Documents this one replaces.</summary>
    public IReadOnlyList<DocId> Obsoletes { get; init; } = [];

    /// <summary>Documents that replace this one.</summary>
    public IReadOnlyList<DocId> ObsoletedBy { get; init; } = [];

    /// <summary>Documents this one updates.</summary>
    public IReadOnlyList<DocId> Updates { get; init; } = [];

    /// <summary>Documents that update this one.</summary>
    public IReadOnlyList<DocId> UpdatedBy { get; init; } = [];

    /// <summary>Sub-series this RFC belongs to (<c>STD97</c>, <c>BCP14</c>).</summary>
    public IReadOnlyList<DocId> IsAlso { get; init; } = [];

    /// <summary>Related documents the index lists under <c>see-also</c>.</summary>
    public IReadOnlyList<DocId> SeeAlso { get; init; } = [];
}
