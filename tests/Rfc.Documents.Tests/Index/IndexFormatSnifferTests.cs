using System.Text;
using Rfc.Documents.Index;

namespace Rfc.Documents.Tests.Index;

public sealed class IndexFormatSnifferTests
{
    [Theory]
    [InlineData("<?xml version='1.0' encoding='utf-8'?>\n<rfc-index xmlns=\"https://www.rfc-editor.org/rfc-index\">", IndexFormat.Xml)]
    [InlineData("\uFEFF  \n<rfc-index>", IndexFormat.Xml)]
    [InlineData("\n\n~~~~~~~~~~~~~~~~\n\n        RFC INDEX\n", IndexFormat.Text)]
    [InlineData("\n==========\n  This is a list of the latest RFCs only.\n", IndexFormat.Text)]
    [InlineData("0001 Host Software. S. Crocker. April 1969.\n", IndexFormat.Text)]
    [InlineData("", IndexFormat.Unknown)]
    [InlineData("   \n\n", IndexFormat.Unknown)]
    [InlineData("{\"doc_id\": \"RFC1\"}", IndexFormat.Unknown)]
    [InlineData("%PDF-1.4", IndexFormat.Unknown)]
    public void Detect_ReturnsFormat_WhenStartOfIndexIsGiven(string head, IndexFormat expected)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(head);

        IndexFormat format = IndexFormatSniffer.Detect(bytes);

        Assert.Equal(expected, format);
    }

    [Fact]
    public async Task DetectAsync_RestoresPosition_WhenStreamIsSeekable()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("<rfc-index/>"));

        IndexFormat format = await IndexFormatSniffer.DetectAsync(stream, TestContext.Current.CancellationToken);

        Assert.Equal(IndexFormat.Xml, format);
        Assert.Equal(0, stream.Position);
    }

    [Fact]
    public async Task DetectAsync_SaysText_WhenReadingRealIndex()
    {
        string path = Corpus.IndexPathOrSkip("rfc-index.txt");
        await using FileStream stream = File.OpenRead(path);

        IndexFormat format = await IndexFormatSniffer.DetectAsync(stream, TestContext.Current.CancellationToken);

        Assert.Equal(IndexFormat.Text, format);
    }
}
