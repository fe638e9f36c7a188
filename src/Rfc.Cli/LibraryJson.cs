using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rfc.Cli;

/// <summary>
/// The JSON that <c>--json</c> prints, serialised by a source generator (no reflection, so NativeAOT keeps it).
/// Names are snake_case like the RFC Editor's own per-RFC JSON; non-ASCII stays readable (Preuß, not Preu\u00DF).
/// </summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(InfoJson))]
[JsonSerializable(typeof(List<SearchHitJson>))]
[JsonSerializable(typeof(List<FullTextHitJson>))]
internal sealed partial class LibraryJson : JsonSerializerContext
{
    /// <summary>The context with relaxed escaping, for output meant to be read by people and scripts alike.</summary>
    public static LibraryJson Output { get; } = new(new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}

/// <summary><c>rfc info N --json</c>.</summary>
internal sealed record InfoJson(
    int Number,
    string Title,
    IReadOnlyList<AuthorJson> Authors,
    string? Date,
    int? Year,
    int? Month,
    IReadOnlyList<string> Formats,
    int? Pages,
    string Status,
    string? PublicationStatus,
    string? Stream,
    string? Area,
    string? WorkingGroup,
    IReadOnlyList<string> Keywords,
    string? Abstract,
    string? Draft,
    string? Doi,
    string? ErrataUrl,
    IReadOnlyList<RelationJson> Obsoletes,
    IReadOnlyList<RelationJson> ObsoletedBy,
    IReadOnlyList<RelationJson> Updates,
    IReadOnlyList<RelationJson> UpdatedBy,
    IReadOnlyList<RelationJson> IsAlso,
    IReadOnlyList<RelationJson> SeeAlso,
    IReadOnlyList<int> CurrentVersions);

/// <summary>An author in <see cref="InfoJson"/>.</summary>
internal sealed record AuthorJson(string Name, string? Role);

/// <summary>A related document in <see cref="InfoJson"/>: <c>RFC2616</c> or <c>STD97</c>, with the RFC's number and title.</summary>
internal sealed record RelationJson(string Id, int? Number, string? Title);

/// <summary>One line of <c>rfc search --json</c>; <c>partial</c> when it matches only some of the words; <c>score_parts</c> says why it ranks there.</summary>
internal sealed record SearchHitJson(int Number, string Title, string? Date, string Status, bool Obsoleted, IReadOnlyList<int> CurrentVersions, double Score, bool Partial, ScorePartsJson ScoreParts);

/// <summary>The signals of an index search score (see SearchRanker): each 0 to 1, version -1 to 1.</summary>
internal sealed record ScorePartsJson(double Text, double Coverage, double Name, double Standing, double Centrality, double Version);

/// <summary>One line of <c>rfc search --full-text --json</c>; matched words in <c>snippet</c> are between ** and **.</summary>
internal sealed record FullTextHitJson(int Number, string? Title, int? Page, string? Section, string Snippet, double Score, FullTextScorePartsJson ScoreParts);

/// <summary>The parts of a full-text score (see FullTextRanker): score = relevance × (1 + prior).</summary>
internal sealed record FullTextScorePartsJson(double Bm25, double Relevance, double Standing, double Centrality, double Prior);
