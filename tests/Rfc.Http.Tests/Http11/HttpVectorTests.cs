using System.Text;
using System.Text.Json;
using Xunit;

namespace Rfc.Http.Tests.Http11;

/// <summary>
/// Runs every shared vector through the parser, framing and chunked decoder as the socket client will
/// (bytes, then the server closes) and compares with <c>expect</c>.
/// </summary>
public sealed class HttpVectorTests
{
    // Inputs up to this size are also checked at every split point; the few larger ones (long bodies) only whole.
    private const int MaxSplitCheckedLength = 2048;

    // How many vectors ../shared/http-vectors holds; a different count means vectors were lost or added unseen.
    private const int ExpectedVectorCount = 198;

    [Fact]
    public async Task Client_RunsEverySharedVector_AllOfThem()
    {
        HttpVectors.RequirePresent();
        int ran = 0;
        List<string> failures = [];

        foreach (string file in HttpVectors.Files())
        {
            foreach (HttpVector vector in HttpVectors.Load(file))
            {
                ran++;
                if (Check(vector, await ConnectionClient.RunAsync(vector.Raw, vector.Method)) is { } failure)
                {
                    failures.Add($"{file} {vector.Id}: {failure}");
                }
            }
        }

        Assert.Equal(ExpectedVectorCount, ran);
        Assert.Empty(failures);
    }

    public static TheoryData<string> VectorFiles()
    {
        IReadOnlyList<string> files = HttpVectors.Files();
        return files.Count == 0 ? new TheoryData<string>("(absent)") : new TheoryData<string>(files);
    }

    [Theory]
    [MemberData(nameof(VectorFiles))]
    public async Task Client_MatchesExpectation_ForEverySharedVector(string file)
    {
        HttpVectors.RequirePresent();

        IReadOnlyList<HttpVector> vectors = HttpVectors.Load(file);
        List<string> failures = [];
        int passed = 0, acceptedEither = 0, rejectedEither = 0;

        foreach (HttpVector vector in vectors)
        {
            ClientOutcome outcome = await ConnectionClient.RunAsync(vector.Raw, vector.Method);
            string? failure = Check(vector, outcome);
            if (failure is null)
            {
                passed++;
                if (vector.Expect.GetProperty("ok").ValueKind == JsonValueKind.String)
                {
                    _ = outcome.IsOk ? acceptedEither++ : rejectedEither++;
                }
            }
            else
            {
                failures.Add($"{vector.Id}: {failure}");
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{file}: {passed}/{vectors.Count} passed ('either': {acceptedEither} accepted, {rejectedEither} rejected)");
        Assert.True(failures.Count == 0, $"{file}: {failures.Count} of {vectors.Count} failed:\n" + string.Join("\n", failures));
    }

    [Theory]
    [MemberData(nameof(VectorFiles))]
    public async Task Client_GivesSameOutcome_WhenSharedVectorArrivesInAnyPieces(string file)
    {
        HttpVectors.RequirePresent();

        int checkedCount = 0;
        foreach (HttpVector vector in HttpVectors.Load(file).Where(v => v.Raw.Length <= MaxSplitCheckedLength))
        {
            await Pieces.AssertSameOutcomeForEverySplitAsync(vector.Raw, vector.Method);
            checkedCount++;
        }

        Assert.True(checkedCount > 0, $"{file} has no vector short enough to split");
    }

    private static string? Check(HttpVector vector, ClientOutcome outcome)
    {
        JsonElement ok = vector.Expect.GetProperty("ok");
        if (ok.ValueKind == JsonValueKind.True)
        {
            return outcome.IsOk ? Compare(vector.Expect, outcome) : $"expected a response, got {outcome}";
        }

        if (ok.ValueKind == JsonValueKind.False)
        {
            return outcome.IsOk ? $"expected an error ({Why(vector.Expect)}), got {outcome}" : null;
        }

        // "either": both outcomes pass, but an accepting client must produce if_ok when it is given.
        return outcome.IsOk && vector.Expect.TryGetProperty("if_ok", out JsonElement ifOk) ? Compare(ifOk, outcome) : null;
    }

    private static string Why(JsonElement expect) =>
        expect.TryGetProperty("why", out JsonElement why) ? why.GetString() ?? "" : "";

    private static string? Compare(JsonElement expected, ClientOutcome outcome)
    {
        if (expected.TryGetProperty("status", out JsonElement status) && status.GetInt32() != outcome.Status)
        {
            return $"status {outcome.Status}, expected {status.GetInt32()}";
        }

        if (expected.TryGetProperty("headers", out JsonElement headers))
        {
            List<KeyValuePair<string, string>> want = [.. headers.EnumerateArray().Select(h => new KeyValuePair<string, string>(h[0].GetString()!, h[1].GetString()!))];
            bool same = want.Count == outcome.HeaderList.Count && want.Zip(outcome.HeaderList).All(pair =>
                string.Equals(pair.First.Key, pair.Second.Key, StringComparison.OrdinalIgnoreCase) && pair.First.Value == pair.Second.Value);
            if (!same)
            {
                return $"headers [{Format(outcome.HeaderList)}], expected [{Format(want)}]";
            }
        }

        if (expected.TryGetProperty("body", out JsonElement body))
        {
            byte[] want = Convert.FromBase64String(body.GetString()!);
            if (!want.AsSpan().SequenceEqual(outcome.BodyBytes))
            {
                return $"body '{Encoding.Latin1.GetString(outcome.BodyBytes)}', expected '{Encoding.Latin1.GetString(want)}'";
            }
        }

        return null;
    }

    private static string Format(IEnumerable<KeyValuePair<string, string>> headers) =>
        string.Join(", ", headers.Select(h => $"{h.Key}: {h.Value}"));
}
