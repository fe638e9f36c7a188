namespace Rfc.Documents.Errata;

/// <summary>An erratum's type: technical errors first, because they change what an implementation does.</summary>
public enum ErrataType
{
    /// <summary>An error in the protocol or its specification.</summary>
    Technical = 0,

    /// <summary>A spelling, grammar or layout error.</summary>
    Editorial = 1,

    /// <summary>A type the RFC Editor has not used before (its text is kept in <see cref="ErrataRecord.TypeText"/>).</summary>
    Other = 2,
}
