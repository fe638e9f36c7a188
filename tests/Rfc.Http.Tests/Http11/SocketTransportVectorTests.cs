using System.IO.Compression;
using System.Text.Json;
using Rfc.Http.Http11;
using Rfc.Testing;
using Rfc.Transport;

namespace Rfc.Http.Tests.Http11;

/// <summary>
/// Every shared HTTP vector, served as raw bytes by a scripted TCP server that then closes, through the
/// whole socket transport (connection, parser, framing, body streams): the outcome each vector expects,
/// and never a crash, a hang or a short body presented as complete.
/// </summary>
public sealed class SocketTransportVectorTests
{
    private static readonly Lazy<Dictionary<string, JsonElement>> s_vectors = new(Load);

    public static TheoryData<string> Ids
    {
        get
        {
            TheoryData<string> ids = new();
            foreach (string id in s_vectors.Value.Keys.Order(StringComparer.Ordinal))
            {
                ids.Add(id);
            }

            if (ids.Count == 0)
            {
                ids.Add("(none)");
            }

            return ids;
        }
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public async Task SocketTransport_GivesExpectedOutcome_ForSharedVector(string id)
    {
        if (!s_vectors.Value.TryGetValue(id, out JsonElement vector))
        {
            Assert.Skip("the shared HTTP vectors were not found (set RFC_HTTP_VECTORS or place them at ../shared/http-vectors)");
        }

        byte[] raw = Convert.FromBase64String(vector.GetProperty("raw").GetString()!);
        string method = vector.GetProperty("method").GetString()!;
        JsonElement expect = vector.GetProperty("expect");
        await using ScriptedTcpServer server = ScriptedTcpServer.Respond(raw);
        await using SocketHttpTransport transport = new(new HttpTransportOptions { ReadTimeout = TimeSpan.FromSeconds(5), Environment = _ => null });

        (int Status, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body)? outcome = null;
        FetchException? failure = null;
        try
        {
            FetchResponse response = await transport.SendAsync(new FetchRequest(new Uri(server.BaseUri, "/x")) { Method = method }, TestContext.Current.CancellationToken);
            await using (response)
            {
                using MemoryStream body = new();
                await response.Content.CopyToAsync(body, TestContext.Current.CancellationToken);
                outcome = (response.StatusCode, response.Headers, body.ToArray());
            }
        }
        catch (FetchException e)
        {
            failure = e;
        }

        string ok = expect.GetProperty("ok").ValueKind switch
        {
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => expect.GetProperty("ok").GetString()!,
        };
        if (failure is not null)
        {
            Assert.True(ok != "true", $"{id}: expected success, got {failure.Layer}: {failure.Message}");
            Assert.True(failure.Layer == FetchLayer.Http, $"{id}: a malformed response is an HTTP-layer error, not {failure.Layer}: {failure.Message}");
            Assert.False(failure.IsTimeout, $"{id}: timed out instead of failing: {failure.Message}");
            return;
        }

        Assert.True(ok != "false", $"{id}: expected a protocol error ({(expect.TryGetProperty("why", out JsonElement why) ? why.GetString() : "")}), got status {outcome!.Value.Status}");
        JsonElement check = ok == "either" && expect.TryGetProperty("if_ok", out JsonElement ifOk) ? ifOk : expect;
        if (ok == "either" && check.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (check.TryGetProperty("status", out JsonElement status))
        {
            Assert.Equal(status.GetInt32(), outcome!.Value.Status);
        }

        if (check.TryGetProperty("headers", out JsonElement headers))
        {
            KeyValuePair<string, string>[] expected = [.. headers.EnumerateArray().Select(pair => new KeyValuePair<string, string>(pair[0].GetString()!.ToLowerInvariant(), pair[1].GetString()!))];
            Assert.Equal(expected, outcome!.Value.Headers.Select(pair => new KeyValuePair<string, string>(pair.Key.ToLowerInvariant(), pair.Value)));
        }

        if (check.TryGetProperty("body", out JsonElement bodyElement))
        {
            byte[] expectedBody = Convert.FromBase64String(bodyElement.GetString()!);
            bool gzip = outcome!.Value.Headers.Any(h => h.Key.Equals("Content-Encoding", StringComparison.OrdinalIgnoreCase) && h.Value.Contains("gzip", StringComparison.OrdinalIgnoreCase));
            if (gzip)
            {
                // The vector's body is before content coding; the transport decodes it, as it must.
                using GZipStream decoder = new(new MemoryStream(expectedBody), CompressionMode.Decompress);
                using MemoryStream decoded = new();
                decoder.CopyTo(decoded);
                expectedBody = decoded.ToArray();
            }

            Assert.Equal(expectedBody, outcome!.Value.Body);
        }
    }

    private static Dictionary<string, JsonElement> Load()
    {
        Dictionary<string, JsonElement> vectors = new(StringComparer.Ordinal);
        string? folder = Locate();
        if (folder is null)
        {
            return vectors;
        }

        foreach (string file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(file));
            foreach (JsonElement vector in document.RootElement.EnumerateArray())
            {
                vectors[vector.GetProperty("id").GetString()!] = vector.Clone();
            }
        }

        return vectors;
    }

    private static string? Locate()
    {
        if (Environment.GetEnvironmentVariable("RFC_HTTP_VECTORS") is { Length: > 0 } configured)
        {
            return Directory.Exists(configured) ? configured : null;
        }

        for (DirectoryInfo? folder = new(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            string candidate = Path.Combine(folder.FullName, "shared", "http-vectors");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
