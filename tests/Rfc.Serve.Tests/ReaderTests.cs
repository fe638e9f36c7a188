using System.Net;
using System.Text.Json;

namespace Rfc.Serve.Tests;

/// <summary>The reader's HTML and JSON as a client without a browser sees them.</summary>
[Collection(ServedLibraryCollection.Name)]
public sealed class ReaderTests(ServedLibrary library) : IDisposable
{
    private readonly HttpClient _http = new();

    public void Dispose() => _http.Dispose();

    private async Task<(HttpResponseMessage Response, string Body)> GetAsync(string path)
    {
        HttpResponseMessage response = await _http.GetAsync(library.Url(path), TestContext.Current.CancellationToken);
        return (response, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("/rfc/9110")]
    [InlineData("/rfc/rfc9110")]
    [InlineData("/rfc/rfc9110.html")]
    public async Task Document_IsOneHtmlPage_UnderEveryName(string path)
    {
        library.RequireCorpus();

        (HttpResponseMessage response, string body) = await GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Contains("<title>RFC 9110: HTTP Semantics</title>", body, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", body, StringComparison.Ordinal); // The one script is external: no inline script.
        Assert.DoesNotContain(" style=", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Document_HasTheRfcEditorsAnchors_AndLinks()
    {
        library.RequireCorpus();

        (_, string v3) = await GetAsync("/rfc/9110");
        (_, string paginated) = await GetAsync("/rfc/2616");

        Assert.Contains("<span class=\"h h4\" id=\"section-8.8.3\"><a class=\"selflink\" href=\"#section-8.8.3\">8.8.3.</a>  ETag</span>", v3, StringComparison.Ordinal);
        Assert.Contains("id=\"appendix-A\"", v3, StringComparison.Ordinal);
        Assert.Contains("<span class=\"refentry\" id=\"RFC2119\"><a id=\"ref-RFC2119\" href=\"/rfc/2119\">[RFC2119]</a></span>", v3, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#section-8.8.3\">Section 8.8.3</a>", v3, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/rfc/9112\">RFC 9112</a>", v3, StringComparison.Ordinal);
        Assert.Matches("<a href=\"/rfc/9112#section-[0-9.]+\">Section [0-9.]+</a> of <a class=\"ref\" href=\"#ref-HTTP/1.1\">\\[HTTP/1.1\\]</a>", v3);
        Assert.Contains("<span class=\"page\" id=\"page-12\"></span>", paginated, StringComparison.Ordinal);
        Assert.Contains("id=\"section-14.19\"", paginated, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Document_MarksSectionsWithErrata_AndCountsThemByStatus()
    {
        library.RequireCorpus();

        (_, string body) = await GetAsync("/rfc/9110");

        // The real errata file holds six verified errata for RFC 9110 (8.3.2, 12.5.1, 14.1.1, 15.4.9, B.1, B.2) and six
        // rejected ones, which the reader leaves out as 'rfc errata' does by default.
        Assert.Matches("<dt>Errata</dt><dd class=\"errata\"[^>]*>6 verified</dd>", body);
        Assert.Matches("href=\"#section-8\\.3\\.2\">[^<]*</a> <span class=\"erratum\"[^>]*>1 erratum</span>", body);
        Assert.DoesNotMatch("href=\"#section-8\\.3\\.1\">[^<]*</a> <span class=\"erratum\"", body);
        Assert.DoesNotMatch("href=\"#section-6\\.5\\.1\">[^<]*</a> <span class=\"erratum\"", body); // rejected only
    }

    [Fact]
    public async Task Document_EscapesEveryPieceOfText()
    {
        library.RequireCorpus();

        (_, string body) = await GetAsync($"/rfc/{ServedLibrary.Hostile}");

        Assert.Contains("An example: &lt;script&gt;alert(1)&lt;/script&gt; and &lt;img src=x onerror=alert(2)&gt;", body, StringComparison.Ordinal);
        Assert.Contains("with &quot;quotes&quot;, &#39;apostrophes&#39; &amp; ampersands.", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ObsoleteDocument_HasABannerNamingItsCurrentReplacements()
    {
        library.RequireCorpus();

        (_, string body) = await GetAsync("/rfc/2616");

        Assert.Contains("<p class=\"banner obsolete\" role=\"note\">RFC 2616 is obsolete. The current documents are <a href=\"/rfc/9110\">RFC 9110</a>, <a href=\"/rfc/9111\">RFC 9111</a> and <a href=\"/rfc/9112\">RFC 9112</a>.</p>", body, StringComparison.Ordinal);
        Assert.Contains("<dt>Updated by</dt>", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_ShowsIndexAndFullTextResults_WithEscapedQueryAndMarkedSnippets()
    {
        library.RequireCorpus();

        (HttpResponseMessage response, string body) = await GetAsync("/?q=" + Uri.EscapeDataString("\"entity tag\""));
        (_, string hostile) = await GetAsync("/?q=" + Uri.EscapeDataString("<script>x"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("value=\"&quot;entity tag&quot;\"", body, StringComparison.Ordinal);
        Assert.Contains("<section class=\"results\" id=\"text-results\">", body, StringComparison.Ordinal);
        Assert.Matches("<a class=\"hit\" href=\"/rfc/9110#section-[0-9.]+\">", body);
        Assert.Matches("<mark>entity-tag</mark>|<mark>entity</mark> <mark>tag</mark>", body);
        Assert.Contains("value=\"&lt;script&gt;x\"", hostile, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>x", hostile, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Info_ShowsTheLineageTree()
    {
        library.RequireCorpus();

        (HttpResponseMessage response, string body) = await GetAsync("/rfc/2616/info");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h2>Lineage</h2>", body, StringComparison.Ordinal);
        Assert.Contains("<span class=\"rel\">obsoleted by</span> <a href=\"/rfc/7230/info\">RFC 7230</a>", body, StringComparison.Ordinal);
        Assert.Contains("<span class=\"rel\">obsoleted by</span> <a href=\"/rfc/9112/info\">RFC 9112</a>", body, StringComparison.Ordinal);
        Assert.Contains("<span class=\"rel\">obsoletes</span> <a href=\"/rfc/2068/info\">RFC 2068</a>", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_DescribesAnRfc_AndSearches()
    {
        library.RequireCorpus();

        (HttpResponseMessage rfc, string rfcBody) = await GetAsync("/api/rfc/2616");
        (HttpResponseMessage search, string searchBody) = await GetAsync("/api/search?q=etag");
        (HttpResponseMessage missing, _) = await GetAsync("/api/rfc/1");

        Assert.Equal("application/json; charset=utf-8", rfc.Content.Headers.ContentType!.ToString());
        using JsonDocument info = JsonDocument.Parse(rfcBody);
        Assert.Equal(2616, info.RootElement.GetProperty("number").GetInt32());
        Assert.True(info.RootElement.GetProperty("stored").GetBoolean());
        Assert.Equal([9110, 9111, 9112], info.RootElement.GetProperty("current").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        using JsonDocument results = JsonDocument.Parse(searchBody);
        Assert.Contains(results.RootElement.GetProperty("fullText").EnumerateArray(), hit => hit.GetProperty("number").GetInt32() == 9110 && hit.GetProperty("snippet").GetString()!.Contains("**ETag**", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Assets_AreServedWithValidators()
    {
        library.RequireCorpus();

        (HttpResponseMessage css, _) = await GetAsync("/static/reader.css");
        (HttpResponseMessage js, string script) = await GetAsync("/static/reader.js");

        Assert.Equal("text/css; charset=utf-8", css.Content.Headers.ContentType!.ToString());
        Assert.NotNull(css.Headers.ETag);
        Assert.Equal("text/javascript; charset=utf-8", js.Content.Headers.ContentType!.ToString());
        Assert.Contains("\"use strict\"", script, StringComparison.Ordinal);
    }
}
