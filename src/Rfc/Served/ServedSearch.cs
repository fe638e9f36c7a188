namespace Rfc.Served;

/// <summary>The results of one search, or why the query could not run.</summary>
/// <typeparam name="T">The kind of hit.</typeparam>
/// <param name="Hits">The results, best first.</param>
/// <param name="Error">Why the query was refused (an FTS5 syntax error, no index, no documents), or null.</param>
public sealed record ServedSearch<T>(IReadOnlyList<T> Hits, string? Error);
