namespace Rfc.Cli;

/// <summary>Bad arguments or options: reported on one line with usage, exit 2.</summary>
internal sealed class CliUsageException : Exception
{
    /// <summary>Creates the exception with the line to print.</summary>
    public CliUsageException(string message) : base(message) { }

    /// <summary>Creates the exception.</summary>
    public CliUsageException() : base("invalid usage") { }

    /// <summary>Creates the exception with an inner cause.</summary>
    public CliUsageException(string message, Exception inner) : base(message, inner) { }
}
