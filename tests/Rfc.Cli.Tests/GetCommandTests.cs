using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Http;
using Rfc.Testing;

namespace Rfc.Cli.Tests;

public sealed class GetCommandTests
{
    private static string Template(KestrelServer server) => server.BaseUri + "rfc/rfc{n}.txt";

    [Theory]
    [MemberData(nameof(SyntheticDocuments.Names), MemberType = typeof(SyntheticDocuments))]
    public async Task Get_PrintsServedBytesExactly_WithContentLength(string name)
    {
        byte[] document = SyntheticDocuments.All[name];
        await using KestrelServer server = await KestrelServer.StartAsync(context => KestrelServer.WriteBodyAsync(context, document, chunked: false));

        CliResult result = await CliRunner.RunAsync("2324", "--source", Template(server));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(document, result.Stdout);
        Assert.Equal("", result.Stderr);
        Assert.Equal(["/rfc/rfc2324.txt"], server.Paths);
    }

    [Theory]
    [MemberData(nameof(SyntheticDocuments.Names), MemberType = typeof(SyntheticDocuments))]
    public async Task Get_PrintsServedBytesExactly_WhenChunked(string name)
    {
        byte[] document = SyntheticDocuments.All[name];
        await using KestrelServer server = await KestrelServer.StartAsync(context => KestrelServer.WriteBodyAsync(context, document, chunked: true));

        CliResult result = await CliRunner.RunAsync("2324", "--source", Template(server));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(document, result.Stdout);
    }

    [Theory]
    [InlineData("2324", "/rfc/rfc2324.txt")]
    [InlineData("0791", "/rfc/rfc791.txt")]
    [InlineData("rfc2324", "/rfc/rfc2324.txt")]
    [InlineData("RFC 2324", "/rfc/rfc2324.txt")]
    [InlineData("10036", "/rfc/rfc10036.txt")]
    [InlineData("999999", "/rfc/rfc999999.txt")]
    public async Task Get_RequestsCanonicalNumber_ForEveryAcceptedForm(string argument, string expectedPath)
    {
        await using KestrelServer server = await KestrelServer.StartAsync(context => context.Response.WriteAsync("x"));

        CliResult result = await CliRunner.RunAsync(argument, "--source", Template(server));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal([expectedPath], server.Paths);
    }

    [Fact]
    public async Task Get_JoinsTwoWordForm_WhenRfcAndNumberAreSeparateArguments()
    {
        await using KestrelServer server = await KestrelServer.StartAsync(context => context.Response.WriteAsync("x"));

        CliResult result = await CliRunner.RunAsync("RFC", "2324", "--source", Template(server));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["/rfc/rfc2324.txt"], server.Paths);
    }

    [Fact]
    public async Task Get_PrintsEachDocumentInOrder_WhenGivenSeveralNumbers()
    {
        await using KestrelServer server = await KestrelServer.StartAsync(context => context.Response.WriteAsync($"doc {context.Request.Path}\n"));

        CliResult result = await CliRunner.RunAsync("1", "2", "3", "--source", Template(server));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("doc /rfc/rfc1.txt\ndoc /rfc/rfc2.txt\ndoc /rfc/rfc3.txt\n", Encoding.ASCII.GetString(result.Stdout));
    }

    [Fact]
    public async Task Get_AppendsFileName_WhenSourceHasNoPlaceholder()
    {
        await using KestrelServer server = await KestrelServer.StartAsync(context => context.Response.WriteAsync("x"));

        CliResult result = await CliRunner.RunAsync("2324", "--source", server.BaseUri + "mirror");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["/mirror/rfc2324.txt"], server.Paths);
    }

    [Fact]
    public async Task Get_UsesRfcSourceVariable_AndOptionOverridesIt()
    {
        await using KestrelServer fromEnv = await KestrelServer.StartAsync(context => context.Response.WriteAsync("env"));
        await using KestrelServer fromOption = await KestrelServer.StartAsync(context => context.Response.WriteAsync("option"));
        Dictionary<string, string> environment = new() { ["RFC_SOURCE"] = Template(fromEnv) };

        CliResult viaEnv = await CliRunner.RunAsync(["2324"], environment);
        CliResult viaOption = await CliRunner.RunAsync(["2324", "--source", Template(fromOption)], environment);

        Assert.Equal("env", Encoding.ASCII.GetString(viaEnv.Stdout));
        Assert.Equal("option", Encoding.ASCII.GetString(viaOption.Stdout));
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("deflate")]
    public async Task Get_PrintsDecodedDocument_WhenServerCompressesUnasked(string coding)
    {
        byte[] document = SyntheticDocuments.All["utf8-with-bom"];
        await using KestrelServer server = await KestrelServer.StartAsync(async context =>
        {
            Assert.False(context.Request.Headers.ContainsKey("Accept-Encoding"));
            using MemoryStream compressed = new();
            using (Stream encoder = coding == "gzip" ? new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true) : new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            {
                encoder.Write(document);
            }

            context.Response.Headers.ContentEncoding = coding;
            await KestrelServer.WriteBodyAsync(context, compressed.ToArray(), chunked: false);
        });

        CliResult result = await CliRunner.RunAsync("2324", "--source", Template(server));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(document, result.Stdout);
    }

    [Fact]
    public async Task Get_SendsIdentifyingHeaders()
    {
        string? userAgent = null, accept = null;
        await using KestrelServer server = await KestrelServer.StartAsync(context =>
        {
            userAgent = context.Request.Headers.UserAgent;
            accept = context.Request.Headers.Accept;
            return context.Response.WriteAsync("x");
        });

        await CliRunner.RunAsync("2324", "--source", Template(server));

        Assert.Equal("rfc/0.1.0", userAgent);
        Assert.Equal("text/plain, */*", accept);
    }

    [Fact]
    public async Task Get_WritesThroughPager_WhenStdoutIsTerminal()
    {
        byte[] document = SyntheticDocuments.All["form-feeds"];
        await using KestrelServer server = await KestrelServer.StartAsync(context => KestrelServer.WriteBodyAsync(context, document, chunked: false));
        string paged = Path.Combine(Path.GetTempPath(), $"rfc-pager-{Guid.NewGuid():N}");
        Dictionary<string, string> environment = new() { ["RFC_PAGER"] = $"cat > '{paged}'", ["PAGER"] = "false" };

        CliResult result = await CliRunner.RunAsync(["2324", "--source", Template(server)], environment, terminal: true);

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.Equal(document, await File.ReadAllBytesAsync(paged, TestContext.Current.CancellationToken));
        File.Delete(paged);
    }

    [Fact]
    public async Task Get_SkipsPager_WithNoPager()
    {
        byte[] document = SyntheticDocuments.All["crlf"];
        await using KestrelServer server = await KestrelServer.StartAsync(context => KestrelServer.WriteBodyAsync(context, document, chunked: false));
        Dictionary<string, string> environment = new() { ["RFC_PAGER"] = "false" };

        CliResult result = await CliRunner.RunAsync(["2324", "--no-pager", "--source", Template(server)], environment, terminal: true);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(document, result.Stdout);
    }

    [Fact]
    public async Task Get_WritesStraightToStdout_OnTerminal_WhenDefaultPagerIsMissing()
    {
        byte[] document = SyntheticDocuments.All["crlf"];
        await using KestrelServer server = await KestrelServer.StartAsync(context => KestrelServer.WriteBodyAsync(context, document, chunked: false));
        using TemporaryDirectory emptyPath = new("rfc-nopath-");

        CliResult result = await CliRunner.RunAsync(["2324", "--source", Template(server)], new Dictionary<string, string> { ["PATH"] = emptyPath.Path }, terminal: true);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(document, result.Stdout);
    }
}
