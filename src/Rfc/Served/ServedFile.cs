namespace Rfc.Served;

/// <summary>A file exactly as the local library keeps it, with what HTTP validators need.</summary>
/// <param name="Name">The name it is served under: <c>rfc9110.txt</c>, <c>rfc-index.xml</c>.</param>
/// <param name="Content">The bytes as stored (for a document: as the source sent them; for the index: as synced).</param>
/// <param name="Sha256">The SHA-256 of <paramref name="Content"/>, lower-case hex.</param>
/// <param name="LastModified">The source's Last-Modified when it sent one, else when the bytes were stored.</param>
public sealed record ServedFile(string Name, byte[] Content, string Sha256, DateTimeOffset LastModified);
