namespace Rfc.Transport;

/// <summary>Which limit on waiting stopped a transfer, so the caller can say which setting to raise.</summary>
public enum FetchLimit
{
    /// <summary>The server sent nothing for the read timeout.</summary>
    ReadTimeout,

    /// <summary>The whole response head did not arrive within the connect timeout plus the read timeout.</summary>
    ResponseHead,

    /// <summary>The body stayed below the low-speed floor for a whole read-timeout window.</summary>
    LowSpeed,

    /// <summary>The whole transfer took longer than its total time limit.</summary>
    MaxTime,
}
