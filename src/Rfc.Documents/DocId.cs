using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Rfc.Documents;

/// <summary>
/// An RFC Editor document identifier such as <c>RFC2616</c>, <c>BCP14</c> or <c>STD7</c>: a series and a number.
/// Parses the spellings the indexes have used over the years: zero-padded (<c>RFC0001</c>) or not (<c>RFC1</c>),
/// with or without a space (<c>BCP 14</c>), in any case (<c>std7</c>).
/// </summary>
public readonly record struct DocId : IComparable<DocId>
{
    /// <summary>Creates an identifier; <paramref name="number"/> must be 1 to <see cref="RfcNumber.MaxValue"/>.</summary>
    public DocId(DocSeries series, int number)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, RfcNumber.MaxValue);
        Series = series;
        Number = number;
    }

    /// <summary>The series (RFC, BCP, STD or FYI).</summary>
    public DocSeries Series { get; }

    /// <summary>The number within the series.</summary>
    public int Number { get; }

    /// <summary>True when this identifies an RFC (not a sub-series document).</summary>
    public bool IsRfc => Series == DocSeries.Rfc;

    /// <summary>The RFC identifier for <paramref name="number"/>.</summary>
    public static DocId ForRfc(RfcNumber number) => new(DocSeries.Rfc, number.Value);

    /// <summary>The RFC number; throws when this is a sub-series identifier.</summary>
    public RfcNumber ToRfcNumber() =>
        IsRfc ? new RfcNumber(Number) : throw new InvalidOperationException($"{this} is not an RFC");

    /// <summary>Parses an identifier; throws <see cref="FormatException"/> when <paramref name="text"/> is not one.</summary>
    public static DocId Parse(string text) =>
        TryParse(text, out DocId id) ? id : throw new FormatException($"'{text}' is not a document identifier (expected e.g. RFC2616 or BCP 14)");

    /// <summary>Parses <c>RFC0001</c>, <c>RFC1</c>, <c>BCP 14</c>, <c>std7</c>, <c>FYI-1</c>; false for anything else.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out DocId id) => TryParse(text.AsSpan(), out id);

    /// <summary>Span form of <see cref="TryParse(string?, out DocId)"/>.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out DocId id)
    {
        id = default;
        ReadOnlySpan<char> span = text.Trim();
        if (span.Length < 4)
        {
            return false;
        }

        DocSeries series;
        ReadOnlySpan<char> prefix = span[..3];
        if (prefix.Equals("RFC", StringComparison.OrdinalIgnoreCase))
        {
            series = DocSeries.Rfc;
        }
        else if (prefix.Equals("BCP", StringComparison.OrdinalIgnoreCase))
        {
            series = DocSeries.Bcp;
        }
        else if (prefix.Equals("STD", StringComparison.OrdinalIgnoreCase))
        {
            series = DocSeries.Std;
        }
        else if (prefix.Equals("FYI", StringComparison.OrdinalIgnoreCase))
        {
            series = DocSeries.Fyi;
        }
        else
        {
            return false;
        }

        ReadOnlySpan<char> digits = span[3..].TrimStart();
        if (digits.StartsWith("-"))
        {
            digits = digits[1..];
        }

        // Same digit rule as RfcNumber: ASCII digits only, leading zeros fine, at most six significant digits.
        if (digits.IsEmpty || digits.Length > 12)
        {
            return false;
        }

        foreach (char c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out long value) || value < 1 || value > RfcNumber.MaxValue)
        {
            return false;
        }

        id = new DocId(series, (int)value);
        return true;
    }

    /// <summary>Orders by series, then number.</summary>
    public int CompareTo(DocId other)
    {
        int bySeries = Series.CompareTo(other.Series);
        return bySeries != 0 ? bySeries : Number.CompareTo(other.Number);
    }

    /// <summary>The canonical spelling the current index uses: series in capitals, no padding, no space (<c>RFC1</c>, <c>BCP14</c>).</summary>
    public override string ToString() => Series switch
    {
        DocSeries.Rfc => "RFC",
        DocSeries.Bcp => "BCP",
        DocSeries.Std => "STD",
        _ => "FYI",
    } + Number.ToString(CultureInfo.InvariantCulture);

    /// <summary>Compares by series, then number.</summary>
    public static bool operator <(DocId left, DocId right) => left.CompareTo(right) < 0;

    /// <summary>Compares by series, then number.</summary>
    public static bool operator >(DocId left, DocId right) => left.CompareTo(right) > 0;

    /// <summary>Compares by series, then number.</summary>
    public static bool operator <=(DocId left, DocId right) => left.CompareTo(right) <= 0;

    /// <summary>Compares by series, then number.</summary>
    public static bool operator >=(DocId left, DocId right) => left.CompareTo(right) >= 0;
}
