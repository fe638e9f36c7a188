using Rfc.Documents.Errata;

namespace Rfc.Documents.Tests.Errata;

public sealed class ErrataSectionsTests
{
    [Theory]
    [InlineData("8.8.3", "8.8.3")]
    [InlineData("B.1.", "B.1")]
    [InlineData("15.5.2.", "15.5.2")]
    [InlineData("Appendix A", "A")]
    [InlineData("Appendix B.2.5.", "B.2.5")]
    [InlineData("Section 13.2", "13.2")]
    [InlineData("5.1, 5.3, 6.1", "5.1|5.3|6.1")]
    [InlineData("7 and 11", "7|11")]
    [InlineData("12, pg.34", "12")]
    [InlineData("3.4,3rd para", "3.4")]
    [InlineData("9.1 - 9.3", "9.1|9.3")]
    [InlineData("A", "A")]
    [InlineData("GLOBAL", "")]
    [InlineData("", "")]
    [InlineData("Table 2", "")]
    [InlineData("A new paragraph", "")]
    [InlineData("Authors' Addresses", "")]
    public void Parse_FindsSectionNumbers_InFreeText(string section, string expected)
    {
        IReadOnlyList<string> numbers = ErrataSections.Parse(section);

        Assert.Equal(expected, string.Join('|', numbers));
    }
}
