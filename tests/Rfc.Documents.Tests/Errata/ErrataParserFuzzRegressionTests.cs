using Rfc.Documents.Errata;

namespace Rfc.Documents.Tests.Errata;

/// <summary>
/// Found by fuzz/run.sh errata (19 crashes, one cause): a string value holding bytes that are not UTF-8 made
/// Utf8JsonReader.GetString throw InvalidOperationException out of the parser. It is a malformed errata file.
/// </summary>
public sealed class ErrataParserFuzzRegressionTests
{
    private static byte[] Json() =>
    [
        .. "[{\"errata_id\": \"1\", \"doc-id\": \"RFC1\", \"errata_status_code\": \"Verified\", \"errata_type_code\": \"Editorial\", \"section\": \"4"u8,
        0xFF,
        .. "\"}]"u8,
    ];

    [Fact]
    public void Parse_ThrowsFormatError_WhenAStringIsNotUtf8()
    {
        ErrataFormatException fromSpan = Assert.Throws<ErrataFormatException>(() => ErrataParser.Parse(Json()));
        ErrataFormatException fromStream = Assert.Throws<ErrataFormatException>(() => ErrataParser.Parse(new MemoryStream(Json())));

        Assert.StartsWith("the errata file holds text that is not UTF-8 at byte ", fromSpan.Message);
        Assert.Equal(fromSpan.Message, fromStream.Message);
    }
}
