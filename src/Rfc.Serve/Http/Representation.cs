using System.IO.Compression;
using Rfc.Served;

namespace Rfc.Serve.Http;

/// <summary>
/// A stored file prepared for serving: its bytes, a strong entity tag from its SHA-256, its Last-Modified, and a
/// gzip copy made on first request (RFC 9110 §8.8.3: a different content coding is a different representation, so it
/// gets its own tag).
/// </summary>
internal sealed class Representation
{
    private byte[]? _gzip;

    public Representation(ServedFile file, string contentType)
    {
        File = file;
        ContentType = contentType;
        ETag = $"\"{file.Sha256}\"";
        GzipETag = $"\"{file.Sha256}-gzip\"";
        // HTTP dates have whole seconds (RFC 9110 §5.6.7); comparing with If-Modified-Since needs the same.
        LastModified = DateTimeOffset.FromUnixTimeSeconds(file.LastModified.ToUnixTimeSeconds());
    }

    public ServedFile File { get; }

    public string ContentType { get; }

    public string ETag { get; }

    public string GzipETag { get; }

    public DateTimeOffset LastModified { get; }

    /// <summary>The gzip coding of the bytes, made once.</summary>
    public byte[] Gzip => _gzip ??= Compress(File.Content);

    /// <summary>How many bytes this representation holds in memory (for the cache's bound).</summary>
    public long Size => File.Content.Length + (_gzip?.Length ?? 0);

    private static byte[] Compress(byte[] content)
    {
        using MemoryStream buffer = new();
        using (GZipStream gzip = new(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(content);
        }

        return buffer.ToArray();
    }
}
