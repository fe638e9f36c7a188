namespace Rfc.Transport;

/// <summary>
/// The user's own network configuration is unusable (an unreadable or malformed CA file, a proxy URL with an
/// unsupported scheme). It is not a network failure: nothing was sent. The message is built from our own words
/// and names the value at fault, never a flag (the CLI adds which option or variable to fix).
/// </summary>
public sealed class TransportConfigurationException : Exception
{
    /// <summary>Creates an exception for an unusable <paramref name="setting"/>.</summary>
    public TransportConfigurationException(TransportSetting setting, string message, Exception? inner = null)
        : base(message, inner)
    {
        Setting = setting;
    }

    /// <summary>Creates an exception about the CA file; prefer the constructor that names the setting.</summary>
    public TransportConfigurationException() : this(TransportSetting.CaFile, "unusable network configuration") { }

    /// <summary>Creates an exception about the CA file; prefer the constructor that names the setting.</summary>
    public TransportConfigurationException(string message) : this(TransportSetting.CaFile, message) { }

    /// <summary>Creates an exception about the CA file; prefer the constructor that names the setting.</summary>
    public TransportConfigurationException(string message, Exception inner) : this(TransportSetting.CaFile, message, inner) { }

    /// <summary>Which setting is at fault.</summary>
    public TransportSetting Setting { get; }

    /// <summary>For <see cref="TransportSetting.Proxy"/>: the environment variable that held the bad value, when known.</summary>
    public string? Variable { get; init; }
}
