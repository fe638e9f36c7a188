using Rfc.Documents.References;
using Rfc.Documents.Text;

namespace Rfc.Documents.Tests.References;

/// <summary>
/// Ten documents of different eras, their reference lists written out by reading each document's reference section:
/// kind (N normative, I informative, U a single "References"), label, and what the entry is.
/// </summary>
public sealed class ReferenceParserTests
{
    private static ReferenceList ParseCorpus(int number) => ReferenceParser.Parse(RfcTextDecoder.Decode(File.ReadAllBytes(Corpus.RfcPathOrSkip(number))));

    private static string Describe(Reference r)
    {
        string kind = r.Kind switch { ReferenceKind.Normative => "N", ReferenceKind.Informative => "I", _ => "U" };
        string target = r.Target switch
        {
            ReferenceTargetKind.Rfc => r.Id!.Value.ToString(),
            ReferenceTargetKind.Subseries => $"{r.Id}{{{string.Join(",", r.Members)}}}",
            ReferenceTargetKind.Draft => "draft:" + (r.Draft ?? "?"),
            ReferenceTargetKind.External => "external",
            _ => "unresolved",
        };
        return $"{kind} [{r.Label}] {target}";
    }

    public static TheoryData<int, string[]> HandChecked => new()
    {
        // 1980, UDP: numbered labels, IEN documents.
        { 768, ["U [1] RFC760", "U [2] RFC761", "U [3] external", "U [4] external", "U [5] RFC762"] },
        // 1981, IP: a centred "REFERENCES" heading, the list broken by nothing, reports and journals.
        { 791, ["U [1] external", "U [2] external", "U [3] RFC792", "U [4] external", "U [5] RFC796", "U [6] external", "U [7] external", "U [8] RFC795", "U [9] RFC790"] },
        // 1987, DNS concepts: "REFERENCES and BIBLIOGRAPHY", RFC-nnn labels, annotations, a page break inside the list.
        {
            1034,
            [
                "U [Dyer 87] unresolved", "U [IEN-116] external", "U [Quarterman 86] external", "U [RFC-742] RFC742", "U [RFC-768] RFC768",
                "U [RFC-793] RFC793", "U [RFC-799] RFC799", "U [RFC-805] RFC805", "U [RFC-810] RFC810", "U [RFC-811] RFC811", "U [RFC-812] RFC812",
                "U [RFC-819] RFC819", "U [RFC-821] RFC821", "U [RFC-830] RFC830", "U [RFC-882] RFC882", "U [RFC-883] RFC883", "U [RFC-920] RFC920",
                "U [RFC-952] RFC952", "U [RFC-953] RFC953", "U [RFC-973] RFC973", "U [RFC-974] RFC974", "U [RFC-1001] RFC1001", "U [RFC-1002] RFC1002",
                "U [RFC-1010] RFC1010", "U [RFC-1031] RFC1031", "U [RFC-1032] RFC1032", "U [RFC-1033] RFC1033", "U [Solomon 82] external",
            ]
        },
        // 1996, private addresses.
        { 1918, ["U [RFC1466] RFC1466", "U [RFC1518] RFC1518", "U [RFC1519] RFC1519"] },
        // 1998, HTCPCP: a label that disagrees with its text ([RFC2235] is RFC 2230, FYI 32), an unnamed draft, prose citations.
        {
            2324,
            [
                "U [RFC2068] RFC2068", "U [RFC2186] RFC2186", "U [CPMIB] RFC2325", "U [HTSVMP] unresolved", "U [RFC2295] RFC2295", "U [SAFE] unresolved",
                "U [CAM] external", "U [CBIO] external", "U [RFC2235] RFC2230", "U [NTP] RFC1305", "U [URLI18N] draft:?", "U [PLUMB] unresolved", "U [COKE] external",
            ]
        },
        // 2002, timestamps: name labels, ISO and ITU documents.
        {
            3339,
            [
                "U [ZELLER] external", "U [IMAIL] RFC822", "U [IMAIL-UPDATE] RFC2822", "U [ABNF] RFC2234", "U [ISO8601] external", "U [ISO8601:2000] external",
                "U [HOST-REQ] RFC1123", "U [IERS] external", "U [NTP] RFC1305", "U [ITU-R-TF] external", "U [RFC2119] RFC2119",
            ]
        },
        // 2010, IPv6 text: normative and informative, a draft cited without its name.
        { 5952, ["N [RFC2119] RFC2119", "N [RFC2765] RFC2765", "N [RFC3986] RFC3986", "N [RFC4291] RFC4291", "I [ADDR-FORMAT] draft:?", "I [RFC4038] RFC4038", "I [RFC5214] RFC5214"] },
        // 2013, zone identifiers in URIs.
        { 6874, ["N [RFC2119] RFC2119", "N [RFC3986] RFC3986", "N [RFC4007] RFC4007", "N [RFC5234] RFC5234", "N [RFC5952] RFC5952", "I [LITERAL-ZONE] draft:?", "I [RFC3493] RFC3493", "I [RFC4001] RFC4001"] },
        // 2017, BCP 14's update: one normative reference.
        { 8174, ["N [RFC2119] RFC2119"] },
        // 2026, v3 (no pagination): long labels alone on their line, a named draft, a WHATWG standard.
        {
            10036,
            [
                "N [EXTRA-STATUS] RFC6585", "N [HTTP] RFC9110", "N [PROXY-STATUS] RFC9209", "N [RFC2119] RFC2119", "N [RFC8174] RFC8174", "N [STRUCTURED-FIELDS] RFC9651",
                "I [CHUNKED-OHTTP] draft:draft-ietf-ohai-chunked-ohttp-08", "I [RFC8441] RFC8441", "I [RFC9220] RFC9220", "I [SSE] external",
            ]
        },
    };

    [Theory]
    [MemberData(nameof(HandChecked))]
    public void Parse_FindsExactlyTheHandCheckedReferences(int number, string[] expected)
    {
        ReferenceList list = ParseCorpus(number);

        Assert.True(list.HasReferenceSection);
        Assert.Equal(expected, list.References.Select(Describe));
    }

    [Theory]
    [InlineData(2119)]
    [InlineData(1149)]
    public void Parse_FindsNoSection_WhenTheDocumentHasNone(int number)
    {
        ReferenceList list = ParseCorpus(number);

        Assert.False(list.HasReferenceSection);
        Assert.Empty(list.References);
    }

    [Fact]
    public void Parse_ResolvesLabelsThatAreNotRfcNumbers_InRfc9110()
    {
        ReferenceList list = ParseCorpus(9110);

        Assert.Equal(83, list.References.Count);
        Assert.Equal("N [CACHING] RFC9111", Describe(list.References.Single(r => r.Label == "CACHING")));
        Assert.Equal("N [TCP] RFC793", Describe(list.References.Single(r => r.Label == "TCP")));
        Assert.Equal("I [BCP13] BCP13{4289,6838}", Describe(list.References.Single(r => r.Label == "BCP13")));
        Assert.Equal("I [HTTP/1.1] RFC9112", Describe(list.References.Single(r => r.Label == "HTTP/1.1")));
        Assert.Equal(21, list.References.Count(r => r.Kind == ReferenceKind.Normative));
    }

    [Fact]
    public void Parse_JoinsEntriesBrokenAcrossLinesAndPages_InASyntheticDraft()
    {
        const string Draft = """
            Internet-Draft                                                J. Doe
            Intended status: Standards Track                             Example
            Expires: 1 June 2027                                   November 2026


                                     A Protocol of Mine

            1.  Introduction

               This cites [KEYWORDS] and [OLD].

            2.  References

            2.1.  Normative References

               [KEYWORDS] Bradner, S., "Key words for use in RFCs to Indicate
                          Requirement Levels", BCP 14, RFC
                          2119, March 1997.

                          Leiba, B., "Ambiguity of Uppercase vs Lowercase in
                          RFC 2119 Key Words", BCP 14, RFC 8174, May 2017.

               [OTHER]    Doe, J., "Something", Work in Progress, Internet-Draft,
                          draft-ietf-something-protocol-
                          extensions-03, 2 March 2026.

            Doe                       Expires 1 June 2027                  [Page 3]
            
            Internet-Draft              A Protocol of Mine           November 2026


            2.2.  Informative References

               [1]        Postel, J., "Internet Protocol", STD 5, RFC 791,
                          September 1981, <https://www.rfc-editor.org/info/
                          rfc791>.

            Author's Address

               J. Doe
            """;

        ReferenceList list = ReferenceParser.Parse(Draft);

        Assert.Equal("Standards Track", list.IntendedStatus);
        Assert.Equal(["N [KEYWORDS] BCP14{2119,8174}", "N [OTHER] draft:draft-ietf-something-protocol-extensions-03", "I [1] RFC791"], list.References.Select(Describe));
        Assert.Equal("https://www.rfc-editor.org/info/rfc791", list.References[2].Url);
    }
}
