namespace Rfc.Documents.References;

/// <summary>Which reference section an entry is in.</summary>
public enum ReferenceKind
{
    /// <summary>Under a "Normative References" heading.</summary>
    Normative,

    /// <summary>Under an "Informative" (or "Informational", "Non-normative") References heading.</summary>
    Informative,

    /// <summary>Under a plain "References" heading (older RFCs do not split them).</summary>
    Unspecified,
}
