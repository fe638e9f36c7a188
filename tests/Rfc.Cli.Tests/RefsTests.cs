using System.Text;
using System.Text.Json;
using Rfc.Testing;

namespace Rfc.Cli.Tests;

/// <summary>The corpus store of <see cref="RefsTests"/>: the real index and errata, and a few real documents.</summary>
public sealed class RefsLibrary() : CorpusStoreFixture("rfc-refs-home-", Stored, withErrata: true)
{
    public static readonly int[] Stored = [2119, 2324, 5952, 6874, 8174, 9110];
}

/// <summary>Issue 13's references on real documents and the real index: flags on known cases, --json, --check, --cited-by.</summary>
public sealed class RefsTests(RefsLibrary library) : IClassFixture<RefsLibrary>
{
    private const string Draft = """
        Network Working Group                                             J. Doe
        Internet-Draft                                                   Example
        Intended status: Standards Track                        30 November 2026
        Expires: 3 June 2027


                            Coffee Over HTTP, Done Properly
                              draft-doe-coffee-over-http-00

        1.  Introduction

           This document updates HTCPCP [RFC2324] for HTTP semantics [RFC2616].

        2.  References

        2.1.  Normative References

           [RFC2616]  Fielding, R., Gettys, J., Mogul, J., Frystyk, H.,
                      Masinter, L., Leach, P., and T. Berners-Lee, "Hypertext
                      Transfer Protocol -- HTTP/1.1", RFC 2616, June 1999.

           [MD5]      Rivest, R., "The MD5 Message-Digest Algorithm", RFC
                      1321, April 1992.

           [TEAPOT]   Doe, J., "Teapots Considered", Work in Progress,
                      Internet-Draft, draft-doe-teapots-
                      considered-02, 1 April 2026.

           [RFC14]    Nobody, "A Number Never Issued", RFC 14, 1969.

        2.2.  Informative References

           [RFC2324]  Masinter, L., "Hyper Text Coffee Pot Control Protocol
                      (HTCPCP/1.0)", RFC 2324, April 1998.

           [FUTURE]   Someone, "Not Yet Published", RFC 10000, 2027.

           [BREW]     The Coffee Society, "Brewing Notes", 2026.

        Author's Address

           J. Doe

        """;

    private Task<CliResult> Run(params string[] args)
    {
        if (library.Server is null)
        {
            Assert.Skip($"corpus not found (set {CorpusLocator.EnvironmentVariable} or provide ../shared/corpus)");
        }

        return CliRunner.RunAsync(args, library.Environment);
    }

    private static string Out(CliResult result) => Encoding.UTF8.GetString(result.Stdout);

    [Fact]
    public async Task Refs_FlagsObsoleteUpdatedAndDownrefs_InRfc9110()
    {
        CliResult result = await Run("refs", "9110");

        Assert.Equal(0, result.ExitCode);
        string[] lines = Out(result).Split('\n');
        Assert.Equal("RFC 9110 (INTERNET STANDARD) cites 83 documents: 21 normative, 62 informative", lines[0]);
        // RFC 9110 does cite obsolete RFCs: TCP (RFC 793, now RFC 9293) normatively, and HTTP/1.1's older RFCs it replaced.
        Assert.Equal(
            ["  [TCP]         RFC 793  Transmission Control Protocol  (INTERNET STANDARD)", "                obsolete: replaced by RFC 9293"],
            lines[Array.IndexOf(lines, "  [TCP]         RFC 793  Transmission Control Protocol  (INTERNET STANDARD)")..][..2]);
        Assert.Contains("                obsolete: replaced by RFC 9110, RFC 9111 and RFC 9112", lines);
        Assert.Contains("  [CACHING]     RFC 9111  HTTP Caching  (INTERNET STANDARD)", lines);
        Assert.Contains("                downref: a normative reference to an INFORMATIONAL document (RFC 3967, RFC 8067)", lines);
        Assert.Equal("19 obsolete, 4 updated, 3 downref, 0 not issued or unknown, 0 not recognised", lines[^2]);
    }

    [Fact]
    public async Task Refs_FollowsTheObsoletedByChainToItsEnd_InRfc2324()
    {
        CliResult result = await Run("refs", "2324");

        Assert.Equal(0, result.ExitCode);
        string[] lines = Out(result).Split('\n');
        int at = Array.IndexOf(lines, "  [RFC2068]     RFC 2068  Hypertext Transfer Protocol -- HTTP/1.1  (PROPOSED STANDARD)");
        Assert.Equal("                obsolete: replaced by RFC 9110, RFC 9111 and RFC 9112", lines[at + 1]);
    }

    [Fact]
    public async Task Refs_PrintsOnlyNormative_AsJson()
    {
        CliResult result = await Run("refs", "9110", "--normative", "--json");

        Assert.Equal(0, result.ExitCode);
        JsonElement root = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal(9110, root.GetProperty("rfc").GetInt32());
        JsonElement[] refs = [.. root.GetProperty("references").EnumerateArray()];
        Assert.Equal(21, refs.Length);
        Assert.All(refs, r => Assert.Equal("normative", r.GetProperty("kind").GetString()));
        JsonElement tcp = refs.Single(r => r.GetProperty("label").GetString() == "TCP");
        Assert.Equal("RFC793", tcp.GetProperty("id").GetString());
        Assert.Equal(["obsolete"], tcp.GetProperty("flags").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal([9293], tcp.GetProperty("replaced_by").EnumerateArray().Select(n => n.GetInt32()));
    }

    [Fact]
    public async Task Refs_ExitsOne_WhenTheDocumentHasNoReferenceSection()
    {
        CliResult result = await Run("refs", "2119");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["rfc: error: RFC 2119 has no references section"], result.StderrLines);
    }

    [Fact]
    public async Task RefsCheck_ReportsADraftsOutOfDateReferences()
    {
        string file = Path.Combine(library.Home, "draft-doe-coffee-over-http-00.txt");
        await File.WriteAllTextAsync(file, Draft, TestContext.Current.CancellationToken);

        CliResult result = await Run("refs", "--check", file);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            $"""
            {file} (Standards Track) cites 7 documents: 4 normative, 3 informative

            Normative references
              [RFC2616]     RFC 2616  Hypertext Transfer Protocol -- HTTP/1.1  (DRAFT STANDARD)
                            obsolete: replaced by RFC 9110, RFC 9111 and RFC 9112
                            updated by RFC 2817, RFC 5785, RFC 6266 and RFC 6585
              [MD5]         RFC 1321  The MD5 Message-Digest Algorithm  (INFORMATIONAL)
                            updated by RFC 6151
                            downref: a normative reference to an INFORMATIONAL document (RFC 3967, RFC 8067)
              [TEAPOT]      draft-doe-teapots-considered-02  Teapots Considered  (INTERNET-DRAFT)
                            downref: a normative reference to an Internet-Draft (RFC 3967, RFC 8067)
              [RFC14]       RFC 14
                            not issued: the index lists RFC 14 as "Not Issued"

            Informative references
              [RFC2324]     RFC 2324  Hyper Text Coffee Pot Control Protocol (HTCPCP/1.0)  (INFORMATIONAL)
                            updated by RFC 7168
              [FUTURE]      RFC 10000
                            unknown: RFC 10000 is not in the local index
              [BREW]        not recognised: The Coffee Society, "Brewing Notes", 2026.

            1 obsolete, 3 updated, 2 downref, 2 not issued or unknown, 1 not recognised

            """,
            Out(result));
    }

    [Fact]
    public async Task RefsCheck_ExitsFive_WhenTheFileCannotBeRead()
    {
        string missing = Path.Combine(library.Home, "no-such-draft.txt");

        CliResult result = await Run("refs", "--check", missing);

        Assert.Equal(5, result.ExitCode);
        Assert.Equal([$"rfc: error: cannot read '{missing}' (check the path and its permissions)"], result.StderrLines);
    }

    [Fact]
    public async Task RefsCitedBy_ListsTheStoredDocumentsThatCiteIt()
    {
        CliResult result = await Run("refs", "2119", "--cited-by");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            """
            4 stored documents cite RFC 2119
              RFC 5952  A Recommendation for IPv6 Address Text Representation  [RFC2119]  (normative)
              RFC 6874  Representing IPv6 Zone Identifiers in Address Literals and Uniform Resource Identifiers  [RFC2119]  (normative)
              RFC 8174  Ambiguity of Uppercase vs Lowercase in RFC 2119 Key Words  [RFC2119]  (normative)
              RFC 9110  HTTP Semantics  [RFC2119]  (normative)

            """,
            Out(result));
    }

    [Fact]
    public async Task Info_ShowsErrataCountsByStatus()
    {
        CliResult result = await Run("info", "9110");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Errata:       6 verified, 6 rejected (rfc errata 9110)\n", Out(result), StringComparison.Ordinal);
    }
}
