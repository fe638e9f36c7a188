using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Rfc.Storage;
using Rfc.Testing;

namespace Rfc.Serve.Tests;

/// <summary>The mirror half of rfc serve at the HTTP level: what rfc, curl and any cache see.</summary>
[Collection(ServedLibraryCollection.Name)]
public sealed class MirrorProtocolTests(ServedLibrary library) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None, AllowAutoRedirect = false });

    public void Dispose() => _http.Dispose();

    private static byte[] Corpus(int number) => File.ReadAllBytes(CorpusLocator.RfcPath(number)!);

    private static string StrongTag(byte[] content) => $"\"{Convert.ToHexStringLower(SHA256.HashData(content))}\"";

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, Action<HttpRequestHeaders>? headers = null)
    {
        using HttpRequestMessage request = new(method, library.Url(path));
        headers?.Invoke(request.Headers);
        return await _http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Document_IsTheStoredBytesExactly_WithStrongValidators()
    {
        library.RequireCorpus();

        using HttpResponseMessage response = await SendAsync(HttpMethod.Get, "/rfc/rfc2616.txt");
        byte[] body = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Corpus(2616), body);
        Assert.Equal("text/plain; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal(StrongTag(body), response.Headers.ETag!.ToString());
        Assert.False(response.Headers.ETag.IsWeak);
        Assert.NotNull(response.Content.Headers.LastModified);
        Assert.Equal(["bytes"], response.Headers.AcceptRanges);
        Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
    }

    [Fact]
    public async Task Document_AnswersNotModified_ForItsETagAndForALaterDate_AndNotForAnother()
    {
        library.RequireCorpus();
        using HttpResponseMessage first = await SendAsync(HttpMethod.Get, "/rfc/rfc9110.txt");
        EntityTagHeaderValue tag = first.Headers.ETag!;
        DateTimeOffset modified = first.Content.Headers.LastModified!.Value;

        using HttpResponseMessage byTag = await SendAsync(HttpMethod.Get, "/rfc/rfc9110.txt", h => h.IfNoneMatch.Add(tag));
        using HttpResponseMessage byDate = await SendAsync(HttpMethod.Get, "/rfc/rfc9110.txt", h => h.IfModifiedSince = modified);
        using HttpResponseMessage otherTag = await SendAsync(HttpMethod.Get, "/rfc/rfc9110.txt", h => h.IfNoneMatch.Add(new EntityTagHeaderValue("\"other\"")));
        using HttpResponseMessage earlier = await SendAsync(HttpMethod.Get, "/rfc/rfc9110.txt", h => h.IfModifiedSince = modified.AddDays(-1));

        Assert.Equal(HttpStatusCode.NotModified, byTag.StatusCode);
        Assert.Empty(await byTag.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal(tag, byTag.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, byDate.StatusCode);
        Assert.Equal(HttpStatusCode.OK, otherTag.StatusCode);
        Assert.Equal(HttpStatusCode.OK, earlier.StatusCode);
    }

    [Theory]
    [InlineData("bytes=0-99", 0, 99)]
    [InlineData("bytes=1000-", 1000, -1)]
    [InlineData("bytes=-500", -500, -1)]
    public async Task Document_AnswersOneRange_WithPartialContent(string range, int from, int to)
    {
        library.RequireCorpus();
        byte[] whole = Corpus(2616);
        int start = from < 0 ? whole.Length + from : from;
        int end = to < 0 ? whole.Length - 1 : to;

        using HttpResponseMessage response = await SendAsync(HttpMethod.Get, "/rfc/rfc2616.txt", h => h.Add("Range", range));
        byte[] body = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal($"bytes {start}-{end}/{whole.Length}", response.Content.Headers.ContentRange!.ToString());
        Assert.Equal(whole[start..(end + 1)], body);
    }

    [Fact]
    public async Task Document_AnswersRangeNotSatisfiable_PastTheEnd()
    {
        library.RequireCorpus();

        using HttpResponseMessage response = await SendAsync(HttpMethod.Get, "/rfc/rfc2616.txt", h => h.Add("Range", "bytes=99999999-"));

        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, response.StatusCode);
        Assert.Equal($"bytes */{Corpus(2616).Length}", response.Content.Headers.ContentRange!.ToString());
    }

    [Fact]
    public async Task Head_SendsTheHeadersOfGet_AndNoBody()
    {
        library.RequireCorpus();

        using HttpResponseMessage head = await SendAsync(HttpMethod.Head, "/rfc/rfc2119.txt");

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(Corpus(2119).Length, head.Content.Headers.ContentLength);
        Assert.Equal(StrongTag(Corpus(2119)), head.Headers.ETag!.ToString());
        Assert.Empty(await head.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Gzip_IsSentOnlyWhenAsked_AndDecodesToTheExactBytes_WithItsOwnTag()
    {
        library.RequireCorpus();

        using HttpResponseMessage gzip = await SendAsync(HttpMethod.Get, "/rfc/rfc9110.txt", h => h.AcceptEncoding.ParseAdd("gzip"));
        using HttpResponseMessage refused = await SendAsync(HttpMethod.Get, "/rfc/rfc9110.txt", h => h.AcceptEncoding.ParseAdd("gzip;q=0"));
        using GZipStream decoded = new(await gzip.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken), CompressionMode.Decompress);
        using MemoryStream plain = new();
        await decoded.CopyToAsync(plain, TestContext.Current.CancellationToken);

        Assert.Equal(["gzip"], gzip.Content.Headers.ContentEncoding);
        Assert.Equal(["Accept-Encoding"], gzip.Headers.Vary);
        Assert.True(gzip.Content.Headers.ContentLength < Corpus(9110).Length / 2);
        Assert.Equal(Corpus(9110), plain.ToArray());
        Assert.NotEqual(StrongTag(Corpus(9110)), gzip.Headers.ETag!.ToString());
        Assert.Empty(refused.Content.Headers.ContentEncoding);
    }

    [Theory]
    [InlineData("/rfc/rfc1.txt", 404)]
    [InlineData("/rfc1.txt", 404)]
    [InlineData("/rfc/1", 404)]
    [InlineData("/rfc/..%2F..%2Fetc%2Fpasswd", 404)]
    [InlineData("/static/..%2Frfc.db", 404)]
    [InlineData("/rfc.db", 404)]
    [InlineData("/rfc-index.xml", 404)]
    [InlineData("/etc/passwd", 404)]
    [InlineData("/rfc/rfc2616.txt%00.html", 400)] // Kestrel refuses a NUL in the path before routing.
    public async Task UnknownOrUnstoredPaths_AreRefused(string path, int status)
    {
        library.RequireCorpus();

        using HttpResponseMessage response = await SendAsync(HttpMethod.Get, path);

        Assert.Equal(status, (int)response.StatusCode);
    }

    [Fact]
    public async Task Writes_AreRefused()
    {
        library.RequireCorpus();

        using HttpResponseMessage response = await SendAsync(HttpMethod.Delete, "/rfc/rfc2616.txt");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "HEAD"], response.Content.Headers.Allow);
    }

    [Fact]
    public async Task OversizedRequestLine_IsRefused()
    {
        library.RequireCorpus();

        using HttpResponseMessage response = await SendAsync(HttpMethod.Get, "/?q=" + new string('a', RfcServer.MaxRequestLineBytes));

        Assert.Equal(HttpStatusCode.RequestUriTooLong, response.StatusCode);
    }

    [Fact]
    public async Task IndexFile_IsServedAsSynced_WithConditionalRequests()
    {
        library.RequireCorpus();

        using HttpResponseMessage response = await SendAsync(HttpMethod.Get, "/rfc-index.txt");
        byte[] body = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        using HttpResponseMessage again = await SendAsync(HttpMethod.Get, "/rfc-index.txt", h => h.IfNoneMatch.Add(response.Headers.ETag!));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(await File.ReadAllBytesAsync(library.IndexPath, TestContext.Current.CancellationToken), body);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
    }

    [Theory]
    [InlineData("http")]
    [InlineData("socket")]
    public async Task Rfc_ReadsFromServe_WithSourceAsBaseUrl(string transport)
    {
        library.RequireCorpus();
        using TemporaryDirectory home = new("rfc-serve-client-");

        var (code, stdout, stderr) = await Cli.RunAsync(["2616", "--no-pager", "--transport", transport, "--source", library.BaseUri.ToString().TrimEnd('/')], home.StoreEnvironment);
        var (refreshed, _, refreshError) = await Cli.RunAsync(["2616", "--no-pager", "--refresh", "--transport", transport, "--source", library.BaseUri + "rfc/rfc{n}.txt"], home.StoreEnvironment);

        Assert.True(code == 0, stderr);
        Assert.Equal(Corpus(2616), stdout);
        Assert.True(refreshed == 0, refreshError);
        SqliteConnection.ClearAllPools();
    }

    [Theory]
    [InlineData("http")]
    [InlineData("socket")]
    public async Task SecondStore_SyncsAndMirrorsFromServe_WithEveryChecksumEqual(string transport)
    {
        library.RequireCorpus();
        using TemporaryDirectory home = new("rfc-serve-mirror-");
        Dictionary<string, string> environment = home.StoreEnvironment;

        var sync = await Cli.RunAsync(["sync", "--transport", transport, "--index-url", library.BaseUri + "rfc-index.txt"], environment);
        var resync = await Cli.RunAsync(["sync", "--transport", transport, "--index-url", library.BaseUri + "rfc-index.txt"], environment);
        var mirror = await Cli.RunAsync(["mirror", "--transport", transport, "--source", library.BaseUri.ToString()], environment);

        Assert.True(sync.ExitCode == 0, sync.Stderr);
        Assert.EndsWith("(not modified since the last sync)\n", Cli.Text(resync.Stdout));
        Assert.True(mirror.ExitCode == 0, mirror.Stderr);
        Assert.Equal(await File.ReadAllBytesAsync(library.IndexPath, TestContext.Current.CancellationToken), await File.ReadAllBytesAsync(Path.Combine(home.Path, "rfc-index.txt"), TestContext.Current.CancellationToken));
        using RfcStore origin = RfcStore.Open(library.Home);
        using RfcStore copy = RfcStore.Open(home.Path);
        IReadOnlyList<StoredDocumentInfo> mirrored = copy.ListDocuments();
        Assert.Equal(library.IndexEntries, mirrored.Count);
        Assert.Equal(ServedLibrary.CorpusNumbers, mirrored.Select(d => d.Number.Value).Order());
        Assert.All(mirrored, info =>
        {
            StoredDocument mine = copy.GetDocument(info.Number)!;
            Assert.Equal(origin.GetDocument(info.Number)!.Sha256, mine.Sha256);
            Assert.Equal(RfcStore.Hash(Corpus(info.Number.Value)), RfcStore.Hash(mine.Content));
        });
        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task Curl_GetsExactBytes_Compressed_AndRanges()
    {
        library.RequireCorpus();
        if (!File.Exists("/usr/bin/curl"))
        {
            Assert.Skip("curl is not installed");
        }

        using TemporaryDirectory folder = new("rfc-serve-curl-");
        string plain = Path.Combine(folder.Path, "plain"), compressed = Path.Combine(folder.Path, "gz"), part = Path.Combine(folder.Path, "part");

        string codes = await CurlAsync(
            "-s", "-o", plain, "-w", "%{http_code} ", library.Url("/rfc/rfc9112.txt").ToString(),
            "--next", "-s", "--compressed", "-o", compressed, "-w", "%{http_code} ", library.Url("/rfc/rfc9112.txt").ToString(),
            "--next", "-s", "-r", "10-19", "-o", part, "-w", "%{http_code}", library.Url("/rfc/rfc9112.txt").ToString());

        Assert.Equal("200 200 206", codes);
        Assert.Equal(Corpus(9112), await File.ReadAllBytesAsync(plain, TestContext.Current.CancellationToken));
        Assert.Equal(Corpus(9112), await File.ReadAllBytesAsync(compressed, TestContext.Current.CancellationToken));
        Assert.Equal(Corpus(9112)[10..20], await File.ReadAllBytesAsync(part, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Log_HasOneLinePerRequest_WithMethodPathStatusBytesAndTime()
    {
        library.RequireCorpus();
        string marker = $"/rfc/rfc2119.txt?log={Guid.NewGuid():N}";

        using HttpResponseMessage response = await SendAsync(HttpMethod.Get, marker);

        string line = Assert.Single(library.Log.ToString().Split('\n'), l => l.Contains(marker, StringComparison.Ordinal));
        Assert.Matches($@"^GET {System.Text.RegularExpressions.Regex.Escape(marker)} 200 {Corpus(2119).Length} \d+\.\dms$", line);
    }

    private static async Task<string> CurlAsync(params string[] args)
    {
        ProcessStartInfo start = new("curl") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using Process curl = Process.Start(start)!;
        string output = await curl.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await curl.WaitForExitAsync(TestContext.Current.CancellationToken);
        return output;
    }
}
