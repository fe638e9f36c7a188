namespace Rfc.Documents.Index;

/// <summary>Tells the XML index from the text index by its first bytes, so a caller can pick the parser.</summary>
internal static class IndexFormatSniffer
{
    /// <summary>How many leading bytes <see cref="Detect"/> needs to decide; more are ignored.</summary>
    public const int SniffLength = 512;

    /// <summary>
    /// Looks at the start of an index: after an optional UTF-8 BOM and white space, <c>&lt;</c> means XML;
    /// a start of the text index's preamble (<c>~~~</c>, <c>RFC INDEX</c>, <c>===</c>) or an entry
    /// (<c>1 Host Software.</c>) means text.
    /// </summary>
    public static IndexFormat Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            head = head[3..];
        }

        if (head.Length > SniffLength)
        {
            head = head[..SniffLength];
        }

        ReadOnlySpan<byte> content = head.TrimStart(" \t\r\n"u8);
        if (content.IsEmpty)
        {
            return IndexFormat.Unknown;
        }

        if (content[0] == (byte)'<')
        {
            return IndexFormat.Xml;
        }

        if (content.StartsWith("~~~"u8) || content.StartsWith("==="u8) || content.IndexOf("RFC INDEX"u8) >= 0 || content.IndexOf("latest RFCs"u8) >= 0)
        {
            return IndexFormat.Text;
        }

        // An index with no preamble: the first line is an entry, "<number> <title>".
        int digits = 0;
        while (digits < content.Length && char.IsAsciiDigit((char)content[digits]))
        {
            digits++;
        }

        return digits is > 0 and <= 6 && digits < content.Length && content[digits] == (byte)' ' ? IndexFormat.Text : IndexFormat.Unknown;
    }

    /// <summary>
    /// Reads up to <see cref="SniffLength"/> bytes of a seekable stream, detects the format, and puts the
    /// position back where it was.
    /// </summary>
    public static async Task<IndexFormat> DetectAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanSeek)
        {
            throw new ArgumentException("the stream must be seekable to be sniffed and then parsed", nameof(stream));
        }

        long start = stream.Position;
        byte[] buffer = new byte[SniffLength];
        int filled = 0;
        while (filled < buffer.Length)
        {
            int read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            filled += read;
        }

        stream.Position = start;
        return Detect(buffer.AsSpan(0, filled));
    }
}
