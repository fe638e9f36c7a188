using System.Buffers;
using System.Text;
using Rfc.Http.Http11;
using Rfc.Transport;

namespace Rfc.Http.Tests.Http11;

public sealed class Http11RequestWriterTests
{
    private static string Write(FetchRequest request, bool absoluteForm = false)
    {
        ArrayBufferWriter<byte> output = new();
        Http11RequestWriter.Write(request, "rfc/0.1.0", null, absoluteForm, output);
        return Encoding.ASCII.GetString(output.WrittenSpan);
    }

    [Fact]
    public void Write_ProducesExactHead_ForPlainGet()
    {
        string head = Write(new FetchRequest(new Uri("https://www.rfc-editor.org/rfc/rfc2324.txt")));

        Assert.Equal("GET /rfc/rfc2324.txt HTTP/1.1\r\nHost: www.rfc-editor.org\r\nUser-Agent: rfc/0.1.0\r\nAccept: text/plain, */*\r\nConnection: keep-alive\r\n\r\n", head);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080/x", "127.0.0.1:8080")]
    [InlineData("http://127.0.0.1:80/x", "127.0.0.1")]
    [InlineData("https://example.org:443/x", "example.org")]
    [InlineData("https://example.org:8443/x", "example.org:8443")]
    [InlineData("http://[::1]:8080/x", "[::1]:8080")]
    [InlineData("http://[0:0:0:0:0:0:0:1]/x", "[::1]")]
    [InlineData("http://[2001:DB8::0:1]:81/x", "[2001:db8::1]:81")]
    [InlineData("http://bücher.example/x", "xn--bcher-kva.example")]
    public void HostField_ShowsPortOnlyWhenNotDefault_AndIpv6InCanonicalBrackets(string url, string expected)
    {
        Assert.Equal(expected, Http11RequestWriter.HostField(new Uri(url)));
    }

    [Fact]
    public void Write_KeepsQuery_AndUsesSlashForEmptyPath()
    {
        Assert.StartsWith("GET /doc?n=1&x=a%20b HTTP/1.1\r\n", Write(new FetchRequest(new Uri("http://h/doc?n=1&x=a b"))));
        Assert.StartsWith("GET / HTTP/1.1\r\n", Write(new FetchRequest(new Uri("http://h"))));
    }

    [Fact]
    public void Write_UsesAbsoluteForm_ForProxiedHttp()
    {
        Assert.StartsWith("GET http://h:81/rfc1.txt HTTP/1.1\r\nHost: h:81\r\n", Write(new FetchRequest(new Uri("http://h:81/rfc1.txt")), absoluteForm: true));
    }

    [Fact]
    public void Write_AddsConditionalHeaders_WhenRevalidating()
    {
        FetchRequest request = new(new Uri("http://h/x")) { IfNoneMatch = "\"abc\"", IfModifiedSince = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(2)) };

        string head = Write(request);

        Assert.Contains("\r\nIf-None-Match: \"abc\"\r\n", head);
        Assert.Contains("\r\nIf-Modified-Since: Mon, 23 Nov 2026 08:00:00 GMT\r\n", head);
    }

    [Theory]
    [InlineData("\"a\"\r\nX-Injected: 1")]
    [InlineData("\"a\"\nX: 1")]
    [InlineData("\"a\0\"")]
    public void Write_RefusesControlBytes_InFieldValues(string etag)
    {
        FetchRequest request = new(new Uri("http://h/x")) { IfNoneMatch = etag };

        FetchException error = Assert.Throws<FetchException>(() => Write(request));

        Assert.Equal(FetchLayer.Http, error.Layer);
        Assert.Contains("If-None-Match", error.Message);
    }

    [Fact]
    public void Write_NeverPutsRawCrLfOnTheWire_FromTheUrl()
    {
        string head = Write(new FetchRequest(new Uri("http://h/a%0D%0AX-Injected:%201\r\nb")));

        Assert.Equal(1, head.Split("\r\n")[0].Count(c => c == ' ') - 1);
        Assert.DoesNotContain("X-Injected: 1\r\n", head);
    }

    [Fact]
    public void WriteConnect_UsesAuthorityForm()
    {
        ArrayBufferWriter<byte> output = new();

        Http11RequestWriter.WriteConnect("www.rfc-editor.org", 443, "rfc/0.1.0", null, output);
        string v4 = Encoding.ASCII.GetString(output.WrittenSpan);
        output.Clear();
        Http11RequestWriter.WriteConnect("::1", 8443, "rfc/0.1.0", null, output);

        Assert.Equal("CONNECT www.rfc-editor.org:443 HTTP/1.1\r\nHost: www.rfc-editor.org:443\r\nUser-Agent: rfc/0.1.0\r\n\r\n", v4);
        Assert.StartsWith("CONNECT [::1]:8443 HTTP/1.1\r\n", Encoding.ASCII.GetString(output.WrittenSpan));
    }
}
