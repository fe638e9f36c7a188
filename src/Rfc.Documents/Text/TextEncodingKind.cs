namespace Rfc.Documents.Text;

/// <summary>How <see cref="RfcTextDecoder"/> read a document's bytes.</summary>
public enum TextEncodingKind
{
    /// <summary>Valid UTF-8 (which includes pure ASCII), with or without a BOM.</summary>
    Utf8,

    /// <summary>Not valid UTF-8: read as Windows-1252, a superset of the printable Latin-1 that old RFCs contain.</summary>
    Windows1252,
}
