namespace Rfc.Documents;

/// <summary>The document series the RFC Editor numbers: RFCs and the three sub-series that group them.</summary>
public enum DocSeries
{
    /// <summary>Request for Comments.</summary>
    Rfc,

    /// <summary>Best Current Practice (RFC 2026 §5).</summary>
    Bcp,

    /// <summary>Internet Standard (RFC 2026 §4.1.3).</summary>
    Std,

    /// <summary>For Your Information (RFC 1150; the series was closed by RFC 6360).</summary>
    Fyi,
}
