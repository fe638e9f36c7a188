using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Rfc.Documents;

/// <summary>
/// The number of an RFC. Accepts the forms people type: <c>2324</c>, <c>0791</c>, <c>rfc2324</c>,
/// <c>RFC 2324</c>, <c>RFC-2324</c>. Five-digit numbers are ordinary (RFC 10036 exists); more than six digits are
/// rejected as a typo rather than sent to a server.
/// </summary>
public readonly record struct RfcNumber : IComparable<RfcNumber>
{
    /// <summary>
    /// The largest number accepted. Six digits leaves two orders of magnitude of room above today's
    /// five-digit numbers while still catching a pasted phone number or a stray extra digit.
    /// </summary>
    public const int MaxValue = 999_999;

    /// <summary>Creates an RFC number; <paramref name="value"/> must be 1 to <see cref="MaxValue"/>.</summary>
    public RfcNumber(int value)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, MaxValue);
        Value = value;
    }

    /// <summary>The number as an integer.</summary>
    public int Value { get; }

    /// <summary>Parses the forms people type; false for anything else, including zero and seven digits or more.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out RfcNumber number)
    {
        number = default;
        if (text is null)
        {
            return false;
        }

        ReadOnlySpan<char> span = text.AsSpan().Trim();
        if (span.StartsWith("rfc", StringComparison.OrdinalIgnoreCase))
        {
            span = span[3..].TrimStart();
            if (span.StartsWith("-") || span.StartsWith("_"))
            {
                span = span[1..];
            }
        }

        // Digits only: no sign, no spaces inside, no exponent. Leading zeros are fine (0791).
        if (span.IsEmpty || span.Length > 12)
        {
            return false;
        }

        foreach (char c in span)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        if (!long.TryParse(span, NumberStyles.None, CultureInfo.InvariantCulture, out long value) || value < 1 || value > MaxValue)
        {
            return false;
        }

        number = new RfcNumber((int)value);
        return true;
    }

    /// <inheritdoc />
    public int CompareTo(RfcNumber other) => Value.CompareTo(other.Value);

    /// <summary>The number alone, without padding: <c>2324</c>.</summary>
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Compares by number.</summary>
    public static bool operator <(RfcNumber left, RfcNumber right) => left.CompareTo(right) < 0;

    /// <summary>Compares by number.</summary>
    public static bool operator >(RfcNumber left, RfcNumber right) => left.CompareTo(right) > 0;

    /// <summary>Compares by number.</summary>
    public static bool operator <=(RfcNumber left, RfcNumber right) => left.CompareTo(right) <= 0;

    /// <summary>Compares by number.</summary>
    public static bool operator >=(RfcNumber left, RfcNumber right) => left.CompareTo(right) >= 0;
}
