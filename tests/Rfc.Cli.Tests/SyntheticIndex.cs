using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Http;
using Rfc.Testing;

namespace Rfc.Cli.Tests;

/// <summary>
/// A small rfc-index.xml written from the corpus README's description of the real one (single-quoted declaration,
/// the https namespace, BCP entries first, unpadded doc-ids, padded DOIs, an abstract with &amp;#13;), plus
/// documents to go with it, and a Kestrel server that serves both with ETags and answers 304 to a matching
/// If-None-Match. Always available, unlike the corpus.
/// </summary>
public static class SyntheticIndex
{
    public const string ETag = "\"index-v1\"";

    public static string Xml { get; } = Build();

    /// <summary>The RFC entries in <see cref="Xml"/> (the not-issued one included).</summary>
    public const int RfcEntries = 13;

    public static IReadOnlyDictionary<int, string> Documents { get; } = new Dictionary<int, string>
    {
        [2119] = "RFC 2119 text: MUST, SHOULD, MAY.\n",
        [8174] = "RFC 8174 text: only UPPERCASE words are key words.\n",
        [2616] = "Hypertext Transfer Protocol -- HTTP/1.1\n",
        [2324] = string.Join('\n',
            "Network Working Group                                        L. Masinter",
            "Request for Comments: 2324                               1 April 1998",
            "",
            "1. Rationale and Scope",
            "",
            "   There is coffee all over the world.",
            "",
            "Masinter                      Informational                    [Page 1]",
            "\f",
            "RFC 2324                       HTCPCP/1.0                  1 April 1998",
            "",
            "2. HTCPCP Protocol",
            "",
            "   This document specifies a protocol for controlling a coffee pot",
            "   over the network.",
            "",
            "Masinter                      Informational                    [Page 2]",
            ""),
    };

    private static string Build()
    {
        static string Ids(string element, params string[] ids) =>
            ids.Length == 0 ? "" : $"<{element}>{string.Concat(ids.Select(id => $"<doc-id>{id}</doc-id>"))}</{element}>";

        static string Rfc(int number, string title, string status, string month, int year, string relations = "", string extra = "", string author = "R. Fielding") =>
            $"""
              <rfc-entry>
                <doc-id>RFC{number}</doc-id>
                <title>{title}</title>
                <author><name>{author}</name><title>Editor</title></author>
                <date><month>{month}</month><year>{year}</year></date>
                <format><file-format>TXT</file-format><file-format>HTML</file-format><file-format>JSON-LD</file-format></format>
                <page-count>42</page-count>
                {extra}
                {relations}
                <current-status>{status}</current-status>
                <publication-status>PROPOSED STANDARD</publication-status>
                <stream>IETF</stream>
                <doi>10.17487/RFC{number:D4}</doi>
              </rfc-entry>

            """;

        StringBuilder xml = new();
        xml.Append("<?xml version='1.0' encoding='utf-8'?>\n");
        xml.Append("<rfc-index xmlns=\"https://www.rfc-editor.org/rfc-index\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"https://www.rfc-editor.org/rfc-index https://www.rfc-editor.org/rfc-index.xsd\">\n");
        xml.Append("  <bcp-entry><doc-id>BCP14</doc-id>").Append(Ids("is-also", "RFC2119", "RFC8174")).Append("</bcp-entry>\n");
        xml.Append("  <rfc-not-issued-entry><doc-id>RFC14</doc-id></rfc-not-issued-entry>\n");
        xml.Append(Rfc(2068, "Hypertext Transfer Protocol -- HTTP/1.1", "PROPOSED STANDARD", "January", 1997, Ids("obsoleted-by", "RFC2616")));
        xml.Append(Rfc(2119, "Key words for use in RFCs to Indicate Requirement Levels", "BEST CURRENT PRACTICE", "March", 1997, Ids("updated-by", "RFC8174") + Ids("is-also", "BCP14"), author: "S. Bradner"));
        xml.Append(Rfc(2324, "Hyper Text Coffee Pot Control Protocol (HTCPCP/1.0)", "INFORMATIONAL", "April", 1998, "", "<abstract><p>This document describes HTCPCP, a protocol for controlling,&#13;\nmonitoring, and diagnosing coffee pots.</p></abstract>", author: "L. Masinter"));
        xml.Append(Rfc(2616, "Hypertext Transfer Protocol -- HTTP/1.1", "DRAFT STANDARD", "June", 1999, Ids("obsoletes", "RFC2068") + Ids("obsoleted-by", "RFC7230", "RFC7234")));
        xml.Append(Rfc(5681, "TCP Congestion Control", "DRAFT STANDARD", "September", 2009, "", "<keywords><kw>congestion</kw><kw>TCP</kw></keywords>", author: "M. Allman"));
        xml.Append(Rfc(7230, "Hypertext Transfer Protocol (HTTP/1.1): Message Syntax and Routing", "PROPOSED STANDARD", "June", 2014, Ids("obsoletes", "RFC2616") + Ids("obsoleted-by", "RFC9110", "RFC9112")));
        xml.Append(Rfc(7234, "Hypertext Transfer Protocol (HTTP/1.1): Caching", "PROPOSED STANDARD", "June", 2014, Ids("obsoletes", "RFC2616") + Ids("obsoleted-by", "RFC9111")));
        xml.Append(Rfc(8174, "Ambiguity of Uppercase vs Lowercase in RFC 2119 Key Words", "BEST CURRENT PRACTICE", "May", 2017, Ids("updates", "RFC2119") + Ids("is-also", "BCP14"), author: "B. Leiba"));
        xml.Append(Rfc(9000, "QUIC: A UDP-Based Multiplexed and Secure Transport", "PROPOSED STANDARD", "May", 2021, "", "<abstract><p>QUIC has an exemplary congestion control algorithm.</p></abstract><wg_acronym>quic</wg_acronym>", author: "J. Iyengar"));
        xml.Append(Rfc(9110, "HTTP Semantics", "INTERNET STANDARD", "June", 2022, Ids("obsoletes", "RFC7230") + Ids("is-also", "STD97")));
        xml.Append(Rfc(9111, "HTTP Caching", "INTERNET STANDARD", "June", 2022, Ids("obsoletes", "RFC7234") + Ids("is-also", "STD98")));
        xml.Append(Rfc(9112, "HTTP/1.1", "INTERNET STANDARD", "June", 2022, Ids("obsoletes", "RFC7230") + Ids("is-also", "STD99")));
        xml.Append("  <std-entry><doc-id>STD97</doc-id><title>HTTP Semantics</title>").Append(Ids("is-also", "RFC9110")).Append("</std-entry>\n");
        xml.Append("</rfc-index>\n");
        return xml.ToString();
    }
}

/// <summary>Serves an index at <c>/rfc-index.xml</c> (or .txt) with an ETag, and documents at <c>/rfc/rfcN.txt</c>; records every request.</summary>
public sealed class IndexServer : IAsyncDisposable
{
    private readonly KestrelServer _server;

    private IndexServer(KestrelServer server) => _server = server;

    public ConcurrentQueue<(string Path, string? IfNoneMatch, string? IfModifiedSince)> Requests { get; } = new();

    public string IndexUrl(string name = "rfc-index.xml") => _server.BaseUri + name;

    public string Source => _server.BaseUri + "rfc/rfc{n}.txt";

    public int DocumentRequests => Requests.Count(r => r.Path.StartsWith("/rfc/", StringComparison.Ordinal));

    /// <summary>Starts a server; <paramref name="index"/> gives the index bytes by file name, <paramref name="document"/> a document by number (null: 404).</summary>
    public static async Task<IndexServer> StartAsync(Func<string, byte[]?> index, Func<int, byte[]?> document)
    {
        IndexServer? self = null;
        KestrelServer server = await KestrelServer.StartAsync(async context =>
        {
            string path = context.Request.Path.Value ?? "";
            string? ifNoneMatch = context.Request.Headers.IfNoneMatch;
            self!.Requests.Enqueue((path, ifNoneMatch, context.Request.Headers.IfModifiedSince));
            byte[]? body = path.StartsWith("/rfc/rfc", StringComparison.Ordinal) && int.TryParse(path["/rfc/rfc".Length..^".txt".Length], out int number)
                ? document(number)
                : index(path.TrimStart('/'));
            if (body is null)
            {
                context.Response.StatusCode = 404;
                return;
            }

            if (!path.StartsWith("/rfc/", StringComparison.Ordinal))
            {
                context.Response.Headers.ETag = SyntheticIndex.ETag;
                context.Response.Headers.LastModified = "Fri, 21 Aug 2026 00:00:00 GMT";
                if (ifNoneMatch == SyntheticIndex.ETag)
                {
                    context.Response.StatusCode = 304;
                    return;
                }
            }

            await KestrelServer.WriteBodyAsync(context, body, chunked: body.Length > 100_000);
        });
        self = new IndexServer(server);
        return self;
    }

    /// <summary>The synthetic XML index and documents.</summary>
    public static Task<IndexServer> StartSyntheticAsync() => StartAsync(
        name => name == "rfc-index.xml" ? Encoding.UTF8.GetBytes(SyntheticIndex.Xml) : null,
        number => SyntheticIndex.Documents.TryGetValue(number, out string? text) ? Encoding.UTF8.GetBytes(text) : null);

    /// <summary>The corpus's real text index and documents; null when the corpus is absent.</summary>
    public static async Task<IndexServer?> StartCorpusAsync()
    {
        if (CorpusLocator.Root is not string root)
        {
            return null;
        }

        return await StartAsync(
            name => File.Exists(Path.Combine(root, "index", name)) ? File.ReadAllBytes(Path.Combine(root, "index", name)) : null,
            number => File.Exists(Path.Combine(root, "rfc", $"rfc{number}.txt")) ? File.ReadAllBytes(Path.Combine(root, "rfc", $"rfc{number}.txt")) : null);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
