using Rfc.Documents.Sections;

namespace Rfc.Documents.Tests.Sections;

public sealed class RfcTextLocatorTests
{
    private const string Paginated =
        "Network Working Group                                        L. Masinter\n" +
        "\n" +
        "1. Introduction\n" +
        "\n" +
        "   First page text.\n" +
        "\n" +
        "Masinter                      Informational                    [Page 1]\n" +
        "\f\n" +
        "RFC 2324                       HTCPCP/1.0                  1 April 1998\n" +
        "\n" +
        "   Introduction continues here.\n" +
        "\n" +
        "2. Protocol\n" +
        "\n" +
        "   Second section text.\n" +
        "\n" +
        "Masinter                      Informational                    [Page 2]\n" +
        "\f\n" +
        "RFC 2324                       HTCPCP/1.0                  1 April 1998\n" +
        "\n" +
        "   Last page, no footer.\n";

    [Theory]
    [InlineData("First page text", 1, "1. Introduction")]
    [InlineData("Introduction continues", 2, "1. Introduction")]
    [InlineData("Second section", 2, "2. Protocol")]
    [InlineData("Last page", 3, "2. Protocol")]
    public void Locate_GivesPageFromFootersAndNearestHeading(string text, int page, string heading)
    {
        RfcLocation location = RfcTextLocator.Locate(Paginated, Paginated.IndexOf(text, StringComparison.Ordinal));

        Assert.Equal(page, location.Page);
        Assert.Equal(heading, location.Heading?.ToString());
    }

    [Fact]
    public void Locate_PlacesRunningHeader_ByTheContentBeforeIt()
    {
        int header = Paginated.IndexOf("RFC 2324   ", StringComparison.Ordinal);

        RfcLocation location = RfcTextLocator.Locate(Paginated, header);

        Assert.Equal(2, location.Page);
        Assert.Equal("1. Introduction", location.Heading?.ToString());
    }

    [Fact]
    public void Locate_HasNoPage_InUnpaginatedText_AndNoHeading_BeforeTheFirst()
    {
        const string V3 = "\nInternet Engineering Task Force (IETF)                  R. Fielding, Ed.\n\n   Preamble text.\n\n1.  Introduction\n\n   Body.\n";

        RfcLocation before = RfcTextLocator.Locate(V3, V3.IndexOf("Internet", StringComparison.Ordinal));
        RfcLocation body = RfcTextLocator.Locate(V3, V3.IndexOf("Body", StringComparison.Ordinal));

        Assert.Null(before.Page);
        Assert.Null(before.Heading);
        Assert.Null(body.Page);
        Assert.Equal("1. Introduction", body.Heading?.ToString());
    }
}
