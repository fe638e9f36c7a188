using Rfc.Documents;

namespace Rfc.Storage;

/// <summary>
/// A stored document's bytes no longer match the SHA-256 recorded when they were stored (the disk or
/// something outside rfc changed them). Fetching the document again repairs it.
/// </summary>
internal sealed class StoredDocumentCorruptException : StoreException
{
    /// <summary>Creates the exception for <paramref name="number"/>.</summary>
    public StoredDocumentCorruptException(RfcNumber number, string path)
        : base($"the stored copy of RFC {number} in {path} fails its SHA-256 check (its bytes changed after it was stored)")
    {
        Number = number;
    }

    /// <summary>The RFC whose stored copy is damaged.</summary>
    public RfcNumber Number { get; }
}
