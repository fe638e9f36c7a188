namespace Rfc.Fuzz;

/// <summary>An invariant a target checks on the code under test; a violation is reported to afl-fuzz as a crash.</summary>
internal static class FuzzCheck
{
    public static void That(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvariantViolationException(what);
        }
    }
}

/// <summary>Thrown when the code under test broke one of its own promises.</summary>
internal sealed class InvariantViolationException(string message) : Exception(message);
