namespace Rfc.Documents.Index;

/// <summary>The status values the RFC Editor index uses (RFC 2026 §4 and §5), plus <see cref="Other"/> for anything new.</summary>
public enum RfcStatusKind
{
    /// <summary><c>UNKNOWN</c>: the index's own value, mostly for early RFCs that predate the standards track. Also <c>default</c>.</summary>
    Unknown,

    /// <summary><c>PROPOSED STANDARD</c>.</summary>
    ProposedStandard,

    /// <summary><c>DRAFT STANDARD</c> (a maturity level RFC 6410 retired; older RFCs keep it).</summary>
    DraftStandard,

    /// <summary><c>INTERNET STANDARD</c>.</summary>
    InternetStandard,

    /// <summary><c>BEST CURRENT PRACTICE</c>.</summary>
    BestCurrentPractice,

    /// <summary><c>INFORMATIONAL</c>.</summary>
    Informational,

    /// <summary><c>EXPERIMENTAL</c>.</summary>
    Experimental,

    /// <summary><c>HISTORIC</c>.</summary>
    Historic,

    /// <summary>A value this version does not know; <see cref="RfcStatus.Text"/> keeps it verbatim.</summary>
    Other,
}
