using System.Text;
using Microsoft.AspNetCore.Http;
using Rfc.Testing;

namespace Rfc.Cli.Tests;

/// <summary>The built rfc executable, run as a process the way a user runs it.</summary>
public sealed class ExecutableTests
{
    [Fact]
    public async Task Executable_PrintsDocument_FromKestrel()
    {
        byte[] document = SyntheticDocuments.All["form-feeds"];
        await using KestrelServer server = await KestrelServer.StartAsync(context => KestrelServer.WriteBodyAsync(context, document, chunked: false));

        RfcExecutable.Result result = await RfcExecutable.RunAsync(["2324", "--source", server.BaseUri + "rfc/rfc{n}.txt"], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(document, result.Stdout);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public async Task Executable_PrintsDocument_FromNginx_ByteForByte()
    {
        if (NginxServer.SkipReason is { } reason)
        {
            Assert.Skip(reason);
        }

        string folder = Directory.CreateTempSubdirectory("rfc-docs-").FullName;
        byte[] document = SyntheticDocuments.All["multi-megabyte"];
        await File.WriteAllBytesAsync(Path.Combine(folder, "rfc2324.txt"), document, TestContext.Current.CancellationToken);
        await using NginxServer nginx = await NginxServer.StartAsync(folder, cancellationToken: TestContext.Current.CancellationToken);

        RfcExecutable.Result result = await RfcExecutable.RunAsync(["2324", "--no-pager"], new Dictionary<string, string> { ["RFC_SOURCE"] = nginx.BaseUri + "rfc/rfc{n}.txt" }, TestContext.Current.CancellationToken);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(document, result.Stdout);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Executable_ExitsNotFound_WithOneLine_FromNginx()
    {
        if (NginxServer.SkipReason is { } reason)
        {
            Assert.Skip(reason);
        }

        string folder = Directory.CreateTempSubdirectory("rfc-docs-").FullName;
        await using NginxServer nginx = await NginxServer.StartAsync(folder, cancellationToken: TestContext.Current.CancellationToken);

        RfcExecutable.Result result = await RfcExecutable.RunAsync(["99999", "--source", nginx.BaseUri + "rfc/"], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"rfc: error: RFC 99999 was not found at {nginx.BaseUri}rfc/rfc99999.txt (HTTP 404 Not Found)\n", result.Stderr);
        Assert.Empty(result.Stdout);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Executable_ExitsUsage_WithoutStackTrace()
    {
        RfcExecutable.Result result = await RfcExecutable.RunAsync(["not-a-number"], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("rfc: error: must supply an RFC number", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    [Fact]
    public async Task Executable_PrintsVersionAndHelpWithExamples()
    {
        RfcExecutable.Result version = await RfcExecutable.RunAsync(["--version"], cancellationToken: TestContext.Current.CancellationToken);
        RfcExecutable.Result help = await RfcExecutable.RunAsync(["--help"], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(0, version.ExitCode);
        Assert.Equal("0.1.0\n", Encoding.UTF8.GetString(version.Stdout));
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("Examples:", Encoding.UTF8.GetString(help.Stdout));
        Assert.Contains("rfc 2324", Encoding.UTF8.GetString(help.Stdout));
    }
}
