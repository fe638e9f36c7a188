namespace Rfc.Serve.Api;

/// <summary><c>/api/rfc/N</c>.</summary>
internal sealed record ApiRfc(
    int Number,
    string? Title,
    string? Status,
    string? Date,
    bool Stored,
    long? Bytes,
    string? Sha256,
    IReadOnlyList<string> Obsoletes,
    IReadOnlyList<string> ObsoletedBy,
    IReadOnlyList<string> Updates,
    IReadOnlyList<string> UpdatedBy,
    IReadOnlyList<int> Current,
    string? Abstract);

/// <summary>One index hit in <c>/api/search</c>.</summary>
internal sealed record ApiIndexHit(int Number, string Title, string? Date, string Status, bool Obsolete, IReadOnlyList<int> Current);

/// <summary>One full-text hit in <c>/api/search</c>; the snippet marks matches with <c>**</c> as <c>rfc search --json</c> does.</summary>
internal sealed record ApiTextHit(int Number, string? Title, int? Page, string? Section, string Snippet);

/// <summary><c>/api/search?q=</c>.</summary>
internal sealed record ApiSearch(string Query, IReadOnlyList<ApiIndexHit> Index, string? IndexError, IReadOnlyList<ApiTextHit> FullText, string? FullTextError);

/// <summary>An API error.</summary>
internal sealed record ApiError(string Error);
