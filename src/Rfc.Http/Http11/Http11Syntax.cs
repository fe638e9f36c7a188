using System.Buffers;
using System.Text;

namespace Rfc.Http.Http11;

/// <summary>Character classes of RFC 9110 §5.6 and the escaping used in error messages.</summary>
internal static class Http11Syntax
{
    /// <summary>
    /// How many bytes of the offending input an error message shows. Enough to recognise a line; a
    /// hostile server must not be able to make our error messages (and logs) arbitrarily large.
    /// </summary>
    public const int MaxBytesShown = 128;

    // RFC 9110 §5.6.2: tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~" / DIGIT / ALPHA
    private static readonly SearchValues<byte> s_tokenChars =
        SearchValues.Create("!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"u8);

    // RFC 9110 §5.5: field-vchar = VCHAR / obs-text, with SP and HTAB inside. Everything else is a CTL (or NUL).
    private static readonly SearchValues<byte> s_invalidFieldValueBytes = SearchValues.Create(
        [0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F,
         0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1A, 0x1B, 0x1C, 0x1D, 0x1E, 0x1F, 0x7F]);

    public static bool IsTokenChar(byte b) => s_tokenChars.Contains(b);

    /// <summary>The index of the first byte that is not a tchar, or -1.</summary>
    public static int IndexOfNonToken(ReadOnlySpan<byte> bytes) => bytes.IndexOfAnyExcept(s_tokenChars);

    /// <summary>The index of the first byte not allowed in a field value (or reason phrase), or -1.</summary>
    public static int IndexOfInvalidFieldValueByte(ReadOnlySpan<byte> bytes) => bytes.IndexOfAny(s_invalidFieldValueBytes);

    public static bool IsFieldValueByte(byte b) => !s_invalidFieldValueBytes.Contains(b);

    public static bool IsWhitespace(byte b) => b is (byte)' ' or (byte)'\t';

    /// <summary>RFC 9110 §5.5: leading and trailing SP/HTAB are not part of a field value.</summary>
    public static ReadOnlySpan<byte> TrimWhitespace(ReadOnlySpan<byte> bytes) => bytes.Trim(" \t"u8);

    /// <summary>
    /// Field values are decoded as ISO-8859-1, like SocketsHttpHandler: one char per byte, so obs-text
    /// survives and can be re-encoded exactly by a caller that knows better.
    /// </summary>
    public static string Decode(ReadOnlySpan<byte> bytes) => bytes.IsEmpty ? string.Empty : Encoding.Latin1.GetString(bytes);

    /// <summary>Shows bytes the way Kestrel does: printable ASCII as is, everything else as <c>\xNN</c>.</summary>
    public static string Escape(ReadOnlySpan<byte> bytes)
    {
        bool truncated = bytes.Length > MaxBytesShown;
        if (truncated)
        {
            bytes = bytes[..MaxBytesShown];
        }

        StringBuilder builder = new(bytes.Length + 8);
        foreach (byte b in bytes)
        {
            if (b is >= 0x20 and < 0x7F and not (byte)'\\')
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append("\\x").Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        if (truncated)
        {
            builder.Append("...");
        }

        return builder.ToString();
    }

    /// <summary>Escapes a decoded (Latin-1) string: each char is one wire byte.</summary>
    public static string Escape(string text)
    {
        // One byte more than is shown, so that Escape(ReadOnlySpan) still marks the truncation.
        int length = Math.Min(text.Length, MaxBytesShown + 1);
        Span<byte> bytes = stackalloc byte[MaxBytesShown + 1];
        bytes = bytes[..length];
        for (int i = 0; i < length; i++)
        {
            bytes[i] = (byte)text[i];
        }

        return Escape(bytes);
    }
}
