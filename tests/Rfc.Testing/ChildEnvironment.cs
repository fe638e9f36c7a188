using System.Diagnostics;

namespace Rfc.Testing;

/// <summary>
/// The environment every rfc subprocess of a test starts from: the developer's or CI's own settings that would change
/// what rfc does (source, transport, pager, CA file, store location, every proxy variable in both spellings) removed,
/// so a test sees only what it sets.
/// </summary>
public static class ChildEnvironment
{
    /// <summary>The variables removed.</summary>
    public static IReadOnlyList<string> Scrubbed { get; } =
    [
        "RFC_SOURCE", "RFC_TRANSPORT", "RFC_PAGER", "PAGER", "RFC_CA_FILE", "RFC_HOME", "RFC_INDEX_URL", "XDG_DATA_HOME",
        "HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy", "NO_PROXY", "no_proxy",
    ];

    /// <summary>Removes <see cref="Scrubbed"/> from <paramref name="start"/>, then sets <paramref name="environment"/>.</summary>
    public static void Apply(ProcessStartInfo start, IReadOnlyDictionary<string, string>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(start);
        foreach (string name in Scrubbed)
        {
            start.Environment.Remove(name);
        }

        foreach ((string name, string value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
    }
}
