using System.Text;

namespace Rfc.Cli.Tests;

/// <summary>Documents that exercise every byte-exactness hazard, generated rather than copied.</summary>
public static class SyntheticDocuments
{
    public static TheoryData<string> Names => new(All.Keys);

    public static IReadOnlyDictionary<string, byte[]> All { get; } = Build();

    private static Dictionary<string, byte[]> Build()
    {
        Dictionary<string, byte[]> documents = new()
        {
            ["form-feeds"] = Encoding.ASCII.GetBytes("RFC 9999   Test   April 2026\n\nSome text.\n\nTest                     [Page 1]\n\f\nRFC 9999   Test   April 2026\n\nMore text.\n"),
            ["crlf"] = Encoding.ASCII.GetBytes("Line one\r\nLine two\r\n\r\nLine four\r\n"),
            ["lf-no-final-newline"] = Encoding.ASCII.GetBytes("Line one\nLine two"),
            ["utf8-with-bom"] = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("\n\nAuthors: John Preuß Mattsson, Asbjørn Ulsberg, 奥 一穂\nµs ≈ −1\n")],
            ["latin1"] = [.. Encoding.ASCII.GetBytes("Viag"), 0xE9, .. Encoding.ASCII.GetBytes("nie 12 "), 0xB5, .. Encoding.ASCII.GetBytes("sec\n")],
            ["control-bytes"] = [0x00, 0x02, 0x1A, 0x1B, 0x08, (byte)'\t', (byte)'x', (byte)'\n'],
            ["empty"] = [],
        };

        // A multi-megabyte body: larger than any RFC (RFC 8881 is 1.6 MB), with a varying pattern so a
        // dropped or repeated buffer would show.
        StringBuilder big = new();
        for (int line = 0; big.Length < 3 * 1024 * 1024; line++)
        {
            big.Append("Line ").Append(line).Append(": the quick brown fox jumps over the lazy dog.\n");
            if (line % 56 == 55)
            {
                big.Append("\f\n");
            }
        }

        documents["multi-megabyte"] = Encoding.ASCII.GetBytes(big.ToString());
        return documents;
    }
}
