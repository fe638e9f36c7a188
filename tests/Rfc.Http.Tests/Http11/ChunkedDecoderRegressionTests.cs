using System.Buffers;
using System.Text;
using Rfc.Http.Http11;

namespace Rfc.Http.Tests.Http11;

public sealed class ChunkedDecoderRegressionTests
{
    // Regression: Decode copied a whole next chunk into a destination with less room, when one call
    // crossed a chunk-size line (found by the transport parity test on a 3 MB body in 4 KiB chunks).
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(7)]
    public void Decode_NeverWritesPastDestination_WhenCrossingIntoNextChunk(int destinationSize)
    {
        byte[] wire = Encoding.ASCII.GetBytes("5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n");
        ChunkedDecoder decoder = new();
        byte[] destination = new byte[destinationSize];
        StringBuilder body = new();
        int offset = 0;

        OperationStatus status;
        do
        {
            status = decoder.Decode(wire.AsSpan(offset), destination, out int consumed, out int written);
            offset += consumed;
            body.Append(Encoding.ASCII.GetString(destination, 0, written));
        }
        while (status == OperationStatus.DestinationTooSmall);

        Assert.Equal(OperationStatus.Done, status);
        Assert.Equal("hello world", body.ToString());
        Assert.Equal(wire.Length, offset);
    }
}
