using System.Text;
using Rfc.Documents.Text;

namespace Rfc.Documents.Tests.Text;

public sealed class RfcTextDecoderTests
{
    [Fact]
    public void Decode_StripsBomAndReadsUtf8_WhenBytesAreUtf8WithBom()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. "John Preuß Mattsson, 奥 一穂\n"u8];

        string text = RfcTextDecoder.Decode(bytes, out TextEncodingKind encoding);

        Assert.Equal("John Preuß Mattsson, 奥 一穂\n", text);
        Assert.Equal(TextEncodingKind.Utf8, encoding);
    }

    [Fact]
    public void Decode_FallsBackToWindows1252_WhenOneByteIsInvalidUtf8()
    {
        byte[] bytes = [.. "12 "u8, 0xB5, .. "sec, "u8, 0x93, .. "quoted"u8, 0x94, .. " Viag"u8, 0xE9, .. "nie"u8];

        string text = RfcTextDecoder.Decode(bytes, out TextEncodingKind encoding);

        Assert.Equal("12 µsec, \u201Cquoted\u201D Viagénie", text);
        Assert.Equal(TextEncodingKind.Windows1252, encoding);
    }

    [Theory]
    [InlineData(0x80, '\u20AC')]
    [InlineData(0x81, '\u0081')]
    [InlineData(0x8D, '\u008D')]
    [InlineData(0x96, '\u2013')]
    [InlineData(0x9F, '\u0178')]
    [InlineData(0xA0, '\u00A0')]
    [InlineData(0xAD, '\u00AD')]
    [InlineData(0xFF, '\u00FF')]
    public void Decode_MapsHighByte_WhenFallingBack(byte value, char expected)
    {
        string text = RfcTextDecoder.Decode([(byte)'a', value]);

        Assert.Equal(['a', expected], text);
    }

    [Fact]
    public void Decode_KeepsControlCharacters_WhenBytesAreValidUtf8()
    {
        byte[] bytes = [0x00, 0x02, 0x1A, 0x1B, 0x08, 0x0C, (byte)'x'];

        string text = RfcTextDecoder.Decode(bytes, out TextEncodingKind encoding);

        Assert.Equal("\0\u0002\u001A\u001B\b\fx", text);
        Assert.Equal(TextEncodingKind.Utf8, encoding);
    }

    [Fact]
    public void Decode_ReturnsEmpty_WhenOnlyBomOrNothing()
    {
        Assert.Equal("", RfcTextDecoder.Decode([]));
        Assert.Equal("", RfcTextDecoder.Decode([0xEF, 0xBB, 0xBF]));
    }

    [Fact]
    public void Decode_NeverThrowsAndKeepsOneCharPerByte_WhenBytesAreRandomInvalid()
    {
        var random = new Random(2324);
        for (int i = 0; i < 200; i++)
        {
            byte[] bytes = new byte[random.Next(1, 300)];
            random.NextBytes(bytes);
            bytes[0] = 0xFF; // never valid UTF-8, so the fallback runs

            string text = RfcTextDecoder.Decode(bytes, out TextEncodingKind encoding);

            Assert.Equal(TextEncodingKind.Windows1252, encoding);
            Assert.Equal(bytes.Length, text.Length);
        }
    }

    [Fact]
    public void Decode_TreatsTruncatedSequenceAsInvalid_WhenUtf8IsCutMidCharacter()
    {
        byte[] bytes = [.. "caf"u8, 0xC3];

        string text = RfcTextDecoder.Decode(bytes, out TextEncodingKind encoding);

        Assert.Equal("caf\u00C3", text);
        Assert.Equal(TextEncodingKind.Windows1252, encoding);
    }

    [Theory]
    [InlineData(2166, TextEncodingKind.Windows1252, "\u201C")]
    [InlineData(64, TextEncodingKind.Windows1252, "12 µsec")]
    [InlineData(1305, TextEncodingKind.Windows1252, "\u00E6")]
    [InlineData(2497, TextEncodingKind.Windows1252, "\u00AD")]
    [InlineData(441, TextEncodingKind.Windows1252, "\u00A0")]
    [InlineData(542, TextEncodingKind.Utf8, "\u001A")]
    [InlineData(10036, TextEncodingKind.Utf8, "奥 一穂")]
    [InlineData(9110, TextEncodingKind.Utf8, "HTTP Semantics")]
    public async Task DecodeAsync_ReadsQuirkFile_WhenCorpusHasIt(int number, TextEncodingKind expectedEncoding, string expectedFragment)
    {
        string path = Corpus.RfcPathOrSkip(number);
        byte[] bytes = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);

        string text = RfcTextDecoder.Decode(bytes, out TextEncodingKind encoding);

        Assert.Equal(expectedEncoding, encoding);
        Assert.Contains(expectedFragment, text, StringComparison.Ordinal);
        Assert.False(text.StartsWith('\uFEFF'));
        Assert.DoesNotContain('\uFFFD', text);
        await using FileStream stream = File.OpenRead(path);
        Assert.Equal(text, await RfcTextDecoder.DecodeAsync(stream, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Decode_RoundTripsToSameBytes_WhenFileIsUtf8()
    {
        string path = Corpus.RfcPathOrSkip(10036);
        byte[] bytes = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);

        string text = RfcTextDecoder.Decode(bytes);

        Assert.Equal(bytes.AsSpan(3).ToArray(), Encoding.UTF8.GetBytes(text));
    }
}
