using System.Text;
using Microsoft.AspNetCore.Http;
using Rfc.Testing;

namespace Rfc.Cli.Tests;

/// <summary>
/// Redirects end to end through the CLI: the line and exit code a user sees. The redirect policy itself is
/// tested next to its code, on both transports, in Rfc.Http.Tests (RedirectingClientTests).
/// </summary>
public sealed class RedirectTests
{
    [Fact]
    public async Task Get_FollowsChainOfTen_ButNotEleven()
    {
        await using KestrelServer server = await KestrelServer.StartAsync(context =>
        {
            int hop = int.Parse(context.Request.Query["hop"].ToString() is { Length: > 0 } h ? h : "0");
            int limit = int.Parse(context.Request.Query["limit"].ToString());
            if (hop < limit)
            {
                context.Response.StatusCode = 302;
                context.Response.Headers.Location = $"/doc?limit={limit}&hop={hop + 1}";
                return Task.CompletedTask;
            }

            return context.Response.WriteAsync("arrived");
        });

        CliResult ten = await CliRunner.RunAsync("1", "--source", server.BaseUri + "doc?limit=10&n={n}");
        CliResult eleven = await CliRunner.RunAsync("1", "--source", server.BaseUri + "doc?limit=11&n={n}");

        Assert.Equal(0, ten.ExitCode);
        Assert.Equal("arrived", Encoding.ASCII.GetString(ten.Stdout));
        Assert.Equal(4, eleven.ExitCode);
        Assert.Equal([$"rfc: error: too many redirects (more than 10) starting at {server.BaseUri}doc?limit=11&n=1"], eleven.StderrLines);
        Assert.Empty(eleven.Stdout);
    }

    [Fact]
    public async Task Get_ReturnsRedirectStatusAsError_WhenLocationMissing()
    {
        await using KestrelServer server = await KestrelServer.StartAsync(context =>
        {
            context.Response.StatusCode = 302;
            return Task.CompletedTask;
        });

        CliResult result = await CliRunner.RunAsync("1", "--source", server.BaseUri + "rfc{n}.txt");

        Assert.Equal(4, result.ExitCode);
        Assert.Equal([$"rfc: error: {server.BaseUri}rfc1.txt answered HTTP 302 Found instead of the document"], result.StderrLines);
    }
}
