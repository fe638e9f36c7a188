namespace Rfc.Documents.Errata;

/// <summary>
/// One erratum as the RFC Editor's <c>errata.json</c> gives it. Text fields are kept as sent except that line ends
/// are normalised to LF (the file mixes CRLF and LF); dates are kept as text because some are not real dates
/// (a <c>submit_date</c> of 9999-04-13 exists).
/// </summary>
public sealed record ErrataRecord
{
    /// <summary>The erratum's id, a string in the file (<c>7105</c>); ids are not continuous.</summary>
    public required string Id { get; init; }

    /// <summary>The RFC the erratum is about.</summary>
    public required RfcNumber Rfc { get; init; }

    /// <summary>The status as the file spells it (<c>Held for Document Update</c>).</summary>
    public required string StatusText { get; init; }

    /// <summary>The type as the file spells it (<c>Technical</c>).</summary>
    public required string TypeText { get; init; }

    /// <summary>The section, free text: <c>8.8.3</c>, <c>Appendix A</c>, <c>GLOBAL</c> (the whole document), or empty.</summary>
    public string Section { get; init; } = "";

    /// <summary>The text the RFC has ("Section X says:").</summary>
    public string OriginalText { get; init; } = "";

    /// <summary>The text it should have ("It should say:").</summary>
    public string CorrectedText { get; init; } = "";

    /// <summary>The submitter's or verifier's notes.</summary>
    public string Notes { get; init; } = "";

    /// <summary>The date reported, as the file gives it (normally <c>YYYY-MM-DD</c>).</summary>
    public string SubmitDate { get; init; } = "";

    /// <summary>Who reported it.</summary>
    public string Submitter { get; init; } = "";

    /// <summary>Who verified (or rejected, or held) it; null when nobody has yet.</summary>
    public string? Verifier { get; init; }

    /// <summary>When the record last changed (<c>YYYY-MM-DD HH:MM:SS</c>), or null.</summary>
    public string? UpdateDate { get; init; }

    /// <summary>The normalised status.</summary>
    public ErrataStatus Status => ParseStatus(StatusText);

    /// <summary>The normalised type.</summary>
    public ErrataType Type => TypeText.Trim().ToUpperInvariant() switch
    {
        "TECHNICAL" => ErrataType.Technical,
        "EDITORIAL" => ErrataType.Editorial,
        _ => ErrataType.Other,
    };

    /// <summary>True when the erratum is about the whole document (<c>GLOBAL</c>).</summary>
    public bool IsGlobal => Section.Trim().Equals("GLOBAL", StringComparison.OrdinalIgnoreCase);

    /// <summary>Normalises a status as the file spells it; never throws.</summary>
    public static ErrataStatus ParseStatus(string? text) => string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant() switch
    {
        "VERIFIED" => ErrataStatus.Verified,
        "REPORTED" => ErrataStatus.Reported,
        "HELD FOR DOCUMENT UPDATE" or "HELD" => ErrataStatus.HeldForDocumentUpdate,
        "REJECTED" => ErrataStatus.Rejected,
        _ => ErrataStatus.Other,
    };

    /// <summary>
    /// The RFC Editor's order: Verified, Reported, Held for Document Update, Rejected (then anything new); Technical
    /// before Editorial; then by id as a number (ids are strings, shorter sorts first).
    /// </summary>
    public static int Compare(ErrataRecord? x, ErrataRecord? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        int order = x.Status.CompareTo(y.Status);
        if (order == 0)
        {
            order = x.Type.CompareTo(y.Type);
        }

        if (order == 0)
        {
            order = x.Id.Length.CompareTo(y.Id.Length);
        }

        return order != 0 ? order : string.CompareOrdinal(x.Id, y.Id);
    }
}
