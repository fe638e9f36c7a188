using System.Text;
using System.Text.Unicode;

namespace Rfc.Documents.Text;

/// <summary>
/// Turns an RFC's bytes into text for reading, sectioning and search. Never throws on content: v3 RFCs are
/// UTF-8 with a BOM, older ones ASCII, and 34 old ones hold stray Latin-1 or Windows-1252 bytes
/// (<c>\xb5</c> in RFC 64, curly quotes <c>\x93…\x94</c> in RFC 2166). So: strip a UTF-8 BOM, accept the rest
/// as UTF-8 only if all of it is valid, else read every byte as Windows-1252. Stored bytes are never
/// changed; this is a view for reading.
/// </summary>
public static class RfcTextDecoder
{
    // Windows-1252 differs from Latin-1 only in 0x80-0x9F. The five bytes it leaves undefined
    // (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to the C1 control with the same value, as the WHATWG encoding standard does.
    private static ReadOnlySpan<char> Windows1252High =>
    [
        '\u20AC', '\u0081', '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021',
        '\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', '\u008D', '\u017D', '\u008F',
        '\u0090', '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014',
        '\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', '\u009D', '\u017E', '\u0178',
    ];

    /// <summary>Decodes <paramref name="bytes"/>; see the type's remarks for the rules.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes) => Decode(bytes, out _);

    /// <summary>Decodes <paramref name="bytes"/> and says which encoding was used.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, out TextEncodingKind encoding)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        if (Utf8.IsValid(bytes))
        {
            encoding = TextEncodingKind.Utf8;
            return Encoding.UTF8.GetString(bytes);
        }

        encoding = TextEncodingKind.Windows1252;
        return DecodeWindows1252(bytes);
    }

    /// <summary>Reads the whole stream and decodes it. The stream is left open.</summary>
    public static async Task<string> DecodeAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return Decode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    internal static string DecodeWindows1252(ReadOnlySpan<byte> bytes)
    {
        return string.Create(bytes.Length, bytes, static (chars, source) =>
        {
            ReadOnlySpan<char> high = Windows1252High;
            for (int i = 0; i < source.Length; i++)
            {
                byte b = source[i];
                chars[i] = b is >= 0x80 and <= 0x9F ? high[b - 0x80] : (char)b;
            }
        });
    }
}
