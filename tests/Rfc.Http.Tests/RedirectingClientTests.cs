using Microsoft.AspNetCore.Http;
using Rfc.Http.Tests.Parity;
using Rfc.Testing;
using Rfc.Transport;

namespace Rfc.Http.Tests;

/// <summary>The redirect policy above both transports (moved here from the CLI tests, next to its code).</summary>
public sealed class RedirectingClientTests
{
    private static async Task<(int Status, string Body)> GetAsync(string transport, Uri uri)
    {
        await using IHttpTransport client = BothTransports.Create(transport, BothTransports.Options());
        await using FetchResponse response = await new RedirectingClient(client).SendAsync(new FetchRequest(uri), TestContext.Current.CancellationToken);
        using StreamReader reader = new(response.Content);
        return (response.StatusCode, await reader.ReadToEndAsync(TestContext.Current.CancellationToken));
    }

    private static async Task<FetchException> FailAsync(string transport, Uri uri)
    {
        await using IHttpTransport client = BothTransports.Create(transport, BothTransports.Options());
        return await Assert.ThrowsAsync<FetchException>(() => new RedirectingClient(client).SendAsync(new FetchRequest(uri), TestContext.Current.CancellationToken));
    }

    public static TheoryData<string, int> TransportsAndStatuses()
    {
        TheoryData<string, int> data = [];
        foreach (string transport in (string[])["http", "socket"])
        {
            foreach (int status in (int[])[301, 302, 303, 307, 308])
            {
                data.Add(transport, status);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TransportsAndStatuses))]
    public async Task SendAsync_FollowsRedirect_WithRelativeLocation(string transport, int status)
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

        (int code, string body) = await GetAsync(transport, server.Url("/old/x/rfc2324.txt"));

        Assert.Equal((200, "the document"), (code, body));
        Assert.Equal(["/old/x/rfc2324.txt", "/old/new/rfc2324.txt"], server.Paths);
    }

    [Theory]
    [MemberData(nameof(BothTransports.Names), MemberType = typeof(BothTransports))]
    public async Task SendAsync_FollowsChainOfTen_ButNotEleven(string transport)
    {
        await using KestrelServer server = await KestrelServer.StartAsync(context =>
        {
            int hop = int.Parse(context.Request.Query["hop"].ToString() is { Length: > 0 } h ? h : "0", System.Globalization.CultureInfo.InvariantCulture);
            int limit = int.Parse(context.Request.Query["limit"].ToString(), System.Globalization.CultureInfo.InvariantCulture);
            if (hop < limit)
            {
                context.Response.StatusCode = 302;
                context.Response.Headers.Location = $"/doc?limit={limit}&hop={hop + 1}";
                return Task.CompletedTask;
            }

            return context.Response.WriteAsync("arrived");
        });

        (int _, string ten) = await GetAsync(transport, server.Url("/doc?limit=10"));
        FetchException eleven = await FailAsync(transport, server.Url("/doc?limit=11"));

        Assert.Equal("arrived", ten);
        Assert.Equal($"too many redirects (more than 10) starting at {server.BaseUri}doc?limit=11", eleven.Message);
        Assert.Equal(FetchLayer.Http, eleven.Layer);
    }

    [Theory]
    [MemberData(nameof(BothTransports.Names), MemberType = typeof(BothTransports))]
    public async Task SendAsync_Refuses_RedirectLoop(string transport)
    {
        await using KestrelServer server = await KestrelServer.StartAsync(context =>
        {
            context.Response.StatusCode = 301;
            context.Response.Headers.Location = context.Request.Path == "/a" ? "/b" : "/a";
            return Task.CompletedTask;
        });

        FetchException e = await FailAsync(transport, server.Url("/a"));

        Assert.Equal($"redirect loop: {server.BaseUri}b redirected (301) back to {server.BaseUri}a", e.Message);
        Assert.Equal(301, e.StatusCode);
    }

    [Theory]
    [MemberData(nameof(BothTransports.Names), MemberType = typeof(BothTransports))]
    public async Task SendAsync_ReturnsTheRedirect_WhenLocationIsMissing(string transport)
    {
        await using KestrelServer server = await KestrelServer.StartAsync(context =>
        {
            context.Response.StatusCode = 302;
            return Task.CompletedTask;
        });

        (int status, string _) = await GetAsync(transport, server.Url("/rfc1.txt"));

        Assert.Equal(302, status);
    }

    [Theory]
    [MemberData(nameof(BothTransports.Names), MemberType = typeof(BothTransports))]
    public async Task SendAsync_Refuses_RedirectToAnotherScheme(string transport)
    {
        await using KestrelServer server = await KestrelServer.StartAsync(context =>
        {
            context.Response.StatusCode = 302;
            context.Response.Headers.Location = "ftp://example.invalid/rfc1.txt";
            return Task.CompletedTask;
        });

        FetchException e = await FailAsync(transport, server.Url("/rfc1.txt"));

        Assert.Equal($"{server.BaseUri}rfc1.txt redirected (302) to an invalid location 'ftp://example.invalid/rfc1.txt'", e.Message);
    }
}
