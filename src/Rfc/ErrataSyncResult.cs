namespace Rfc;

/// <summary>What <see cref="RfcClient.SyncErrataAsync"/> did.</summary>
/// <param name="Url">The errata URL requested.</param>
/// <param name="NotModified">True when the server answered 304: the stored errata are current and nothing was written.</param>
/// <param name="Records">How many errata the store holds now.</param>
/// <param name="Skipped">Records in the file left out for lacking an id or an RFC number.</param>
/// <param name="Bytes">The size of the file downloaded (0 after a 304).</param>
public sealed record ErrataSyncResult(Uri Url, bool NotModified, int Records, int Skipped, long Bytes);
