using Rfc.Transport;

namespace Rfc.Http.Tests;

/// <summary>
/// Inputs the fuzzer (fuzz/run.sh content) found: deflate bodies that zlib rejects with ZLibException (an IOException,
/// which the CLI reported as a local file error, exit 5) instead of InvalidDataException. Each must be an HTTP-layer
/// error naming the coding, as every other corrupt body is.
/// </summary>
public sealed class ContentDecodingFuzzRegressionTests
{
    private static readonly Uri s_uri = new("http://127.0.0.1:8080/rfc/rfc1.txt");

    [Theory]
    // Raw deflate with an invalid block (fuzz crash id:000000).
    [InlineData("deflate", new byte[] { 0x58, 0xa4, 0xb6, 0xd5, 0x3e, 0xd5, 0xf6, 0xc6, 0x6c })]
    // Raw deflate, another invalid block (id:000001).
    [InlineData("deflate, identity", new byte[] { 0x08, 0x7a, 0x42, 0x62, 0xd4, 0x93, 0xc1, 0x3c, 0x77, 0xd8, 0x4a, 0x51, 0xbc, 0x44, 0x13, 0x23, 0x03, 0xcb, 0x48 })]
    // A zlib header asking for a preset dictionary (FDICT), under gzip (id:000002).
    [InlineData("gzip, deflate", new byte[] { 0x78, 0xbb, 0xcb, 0x48, 0xcd, 0xc9, 0xc9, 0x00, 0x01, 0x06, 0x2b, 0xeb, 0x15 })]
    public async Task Decode_ThrowsHttpError_WhenZlibRejectsTheStream(string contentEncoding, byte[] body)
    {
        using Stream decoded = ContentDecoding.Decode(new MemoryStream(body), contentEncoding, s_uri);

        FetchException error = await Assert.ThrowsAsync<FetchException>(() => decoded.CopyToAsync(Stream.Null, TestContext.Current.CancellationToken));

        Assert.Equal(FetchLayer.Http, error.Layer);
        Assert.Equal("127.0.0.1:8080 sent a corrupt deflate body (the data is not valid)", error.Message);
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("deflate")]
    public async Task Decode_PassesSourceErrorsThrough_WhenTheBodyItselfFails(string contentEncoding)
    {
        using Stream decoded = ContentDecoding.Decode(new FailingStream(), contentEncoding, s_uri);

        IOException error = await Assert.ThrowsAsync<IOException>(() => decoded.CopyToAsync(Stream.Null, TestContext.Current.CancellationToken));

        Assert.Equal("the connection broke", error.Message);
    }

    /// <summary>A body whose transport fails: its IOException is not the decoder's, so it is not a corrupt body.</summary>
    private sealed class FailingStream : ReadOnlyStream
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromException<int>(new IOException("the connection broke"));
    }
}
