using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rfc.Cli;

/// <summary>
/// The JSON of <c>rfc errata --json</c> and <c>rfc refs --json</c>, serialised by a source generator (no reflection,
/// so NativeAOT keeps it); snake_case like <see cref="LibraryJson"/>, non-ASCII kept readable.
/// </summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(List<ErrataJson>))]
[JsonSerializable(typeof(RefsJson))]
internal sealed partial class ReportJson : JsonSerializerContext
{
    /// <summary>The context with relaxed escaping.</summary>
    public static ReportJson Output { get; } = new(new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}

/// <summary>One erratum in <c>rfc errata N --json</c>; texts with LF line ends.</summary>
internal sealed record ErrataJson(
    string Id,
    int Rfc,
    string Status,
    string Type,
    string Section,
    string OriginalText,
    string CorrectedText,
    string Notes,
    string SubmitDate,
    string Submitter,
    string? Verifier,
    string? UpdateDate);

/// <summary><c>rfc refs N --json</c>.</summary>
internal sealed record RefsJson(int? Rfc, string? Status, IReadOnlyList<ReferenceJson> References);

/// <summary>One reference in <see cref="RefsJson"/>.</summary>
internal sealed record ReferenceJson(
    string Label,
    string Kind,
    string Target,
    string? Id,
    string? Title,
    string? Status,
    IReadOnlyList<string> Flags,
    IReadOnlyList<int> ReplacedBy,
    IReadOnlyList<int> UpdatedBy,
    IReadOnlyList<int> Members,
    string Text);
