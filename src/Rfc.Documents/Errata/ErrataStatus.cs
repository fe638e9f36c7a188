namespace Rfc.Documents.Errata;

/// <summary>An erratum's status, in the order the RFC Editor lists them.</summary>
public enum ErrataStatus
{
    /// <summary>Verified by the stream's approver: the RFC is wrong and the correction is right.</summary>
    Verified = 0,

    /// <summary>Reported and not yet reviewed.</summary>
    Reported = 1,

    /// <summary>Held for document update: to be considered when the RFC is revised.</summary>
    HeldForDocumentUpdate = 2,

    /// <summary>Rejected: the RFC was right, or the report is out of scope.</summary>
    Rejected = 3,

    /// <summary>A status the RFC Editor has not used before (its text is kept in <see cref="ErrataRecord.StatusText"/>).</summary>
    Other = 4,
}
