using System.Text;
using Microsoft.AspNetCore.Http;
using Rfc.Testing;

namespace Rfc.Cli.Tests;

public sealed class RedirectTests
{
    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(303)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task Get_FollowsRedirect_WithRelativeLocation(int status)
    {
        await using KestrelServer server = await KestrelServer.StartAsync(context =>
        {
            if (context.Request.Path.StartsWithSegments("/old/x"))
            {
                context.Response.StatusCode = status;
                context.Response.Headers.Location = "../new/rfc2324.txt";
                return context.Response.WriteAsync("moved");
            }

            return context.Response.WriteAsync("the document");
        });

        CliResult result = await CliRunner.RunAsync("2324", "--source", server.BaseUri + "old/x/rfc{n}.txt");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("the document", Encoding.ASCII.GetString(result.Stdout));
        Assert.Equal(["/old/x/rfc2324.txt", "/old/new/rfc2324.txt"], server.Paths);
    }

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
    public async Task Get_ExitsProtocol_OnRedirectLoop()
    {
        await using KestrelServer server = await KestrelServer.StartAsync(context =>
        {
            context.Response.StatusCode = 301;
            context.Response.Headers.Location = context.Request.Path == "/a" ? "/b" : "/a";
            return Task.CompletedTask;
        });

        CliResult result = await CliRunner.RunAsync("1", "--source", server.BaseUri + "a?{n}");

        Assert.Equal(4, result.ExitCode);
        Assert.Equal([$"rfc: error: redirect loop: {server.BaseUri}a redirected (301) back to {server.BaseUri}b"], result.StderrLines);
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
