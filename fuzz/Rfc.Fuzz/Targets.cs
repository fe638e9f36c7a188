namespace Rfc.Fuzz;

/// <summary>The fuzz targets by name; each takes one input and throws only for a bug.</summary>
internal static class Targets
{
    private static readonly Dictionary<string, Action<byte[]>> s_targets = new(StringComparer.Ordinal)
    {
        ["http-head"] = HttpTargets.ResponseHead,
        ["chunked"] = HttpTargets.Chunked,
        ["content"] = HttpTargets.ContentDecoding,
        ["exchange"] = HttpTargets.Exchange,
        ["index-text"] = DocumentTargets.TextIndex,
        ["index-xml"] = DocumentTargets.XmlIndex,
        ["sections"] = DocumentTargets.Sections,
        ["errata"] = LibraryTargets.Errata,
        ["references"] = LibraryTargets.References,
    };

    public static IEnumerable<string> Names => s_targets.Keys;

    public static Action<byte[]>? Find(string name) => s_targets.GetValueOrDefault(name);
}
