using System.Text.Json;

namespace Rfc.Http.Tests.Http11;

/// <summary>One response vector from the shared set (format: shared/http-vectors/README.md).</summary>
internal sealed record HttpVector(string Id, string Category, string Method, byte[] Raw, JsonElement Expect);

/// <summary>Finds and reads the shared HTTP vectors.</summary>
internal static class HttpVectors
{
    public const string EnvironmentVariable = "RFC_HTTP_VECTORS";

    /// <summary>
    /// The vectors folder: <c>$RFC_HTTP_VECTORS</c>, else the first <c>shared/http-vectors</c> found walking up
    /// from the test assembly (the repository's parent holds <c>shared</c>); null when there is none.
    /// </summary>
    public static string? Directory { get; } = Locate();

    /// <summary>
    /// Skips the calling test when the vectors are absent on a developer's machine; in CI (<c>CI</c> set, as every
    /// CI service does) their absence fails the test instead, so a green run always means they ran.
    /// </summary>
    public static void RequirePresent()
    {
        if (Directory is not null)
        {
            return;
        }

        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            Assert.Fail(AbsentReason + " (required in CI)");
        }

        Assert.Skip(AbsentReason);
    }

    public static string AbsentReason =>
        $"shared HTTP vectors not found: set {EnvironmentVariable} or place shared/http-vectors next to the repository";

    public static IReadOnlyList<string> Files() =>
        Directory is null ? [] : [.. System.IO.Directory.GetFiles(Directory, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    public static IReadOnlyList<HttpVector> Load(string file)
    {
        using FileStream stream = File.OpenRead(Path.Combine(Directory!, file));
        using JsonDocument document = JsonDocument.Parse(stream);
        List<HttpVector> vectors = [];
        foreach (JsonElement item in document.RootElement.EnumerateArray())
        {
            vectors.Add(new HttpVector(
                item.GetProperty("id").GetString()!,
                item.GetProperty("category").GetString()!,
                item.TryGetProperty("method", out JsonElement method) ? method.GetString()! : "GET",
                Convert.FromBase64String(item.GetProperty("raw").GetString()!),
                item.GetProperty("expect").Clone()));
        }

        return vectors;
    }

    private static string? Locate()
    {
        string? configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(configured))
        {
            return System.IO.Directory.Exists(configured) ? configured : null;
        }

        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            string candidate = Path.Combine(directory.FullName, "shared", "http-vectors");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
