namespace Rfc.Documents.Search;

/// <summary>One word of a search as typed (<c>x.509</c>), its tokens (<c>x</c>, <c>509</c>) and whether it is a version.</summary>
/// <param name="Text">The word, lowercased.</param>
/// <param name="Tokens">Its runs of letters and digits, as <see cref="SearchText.Tokenize"/> splits titles.</param>
/// <param name="IsVersion">True for <c>1.2</c>, <c>v3</c>, <c>3</c> after a name: it ranks, it does not filter.</param>
internal sealed record QueryTerm(string Text, IReadOnlyList<string> Tokens, bool IsVersion);
