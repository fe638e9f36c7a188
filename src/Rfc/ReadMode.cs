namespace Rfc;

/// <summary>How <see cref="RfcClient.GetAsync(Rfc.Documents.RfcNumber, ReadMode, CancellationToken)"/> uses the store and the network.</summary>
public enum ReadMode
{
    /// <summary>Serve from the store when the document is there, with no network at all; otherwise fetch and store.</summary>
    Default,

    /// <summary>Revalidate a stored document with a conditional request (a 304 keeps the stored text).</summary>
    Refresh,

    /// <summary>Never touch the network: the store or nothing.</summary>
    Offline,
}
