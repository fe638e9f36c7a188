namespace Rfc.Storage;

/// <summary>
/// Where the store lives: <c>$RFC_HOME</c>, else <c>$XDG_DATA_HOME/rfc</c>, else
/// <c>~/.local/share/rfc</c> (the XDG Base Directory default).
/// </summary>
internal static class StoreLocation
{
    /// <summary>The store's directory for the given environment.</summary>
    public static string Resolve(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (environment("RFC_HOME") is { Length: > 0 } home)
        {
            return Path.GetFullPath(home);
        }

        if (environment("XDG_DATA_HOME") is { Length: > 0 } data && Path.IsPathRooted(data))
        {
            return Path.Combine(data, "rfc");
        }

        string user = environment("HOME") is { Length: > 0 } h ? h : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (string.IsNullOrEmpty(user))
        {
            throw new StoreException("cannot tell where to keep the local store (set RFC_HOME to a directory)");
        }

        return Path.Combine(user, ".local", "share", "rfc");
    }
}
