namespace Rfc.Documents.Index;

/// <summary>An author as listed in the index: a name (a person such as <c>R. Fielding</c> or a body such as <c>IAB</c>) and an optional role.</summary>
/// <param name="Name">The name as the index spells it.</param>
/// <param name="Title">The role, e.g. <c>Editor</c> (the text index's <c>Ed.</c>); null when none is given.</param>
public sealed record RfcAuthor(string Name, string? Title = null)
{
    /// <summary>The name, followed by <c>, Ed.</c> for an editor, as the text index writes it.</summary>
    public override string ToString() => Title is null ? Name
        : string.Equals(Title, "Editor", StringComparison.OrdinalIgnoreCase) ? Name + ", Ed." : $"{Name}, {Title}";
}
