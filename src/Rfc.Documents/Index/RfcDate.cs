using System.Globalization;

namespace Rfc.Documents.Index;

/// <summary>
/// A publication date as the index gives it: year and month, and a day only for the April 1st RFCs
/// (the text index writes <c>1 April 1998</c>).
/// </summary>
public readonly record struct RfcDate
{
    private static readonly string[] s_monthNames =
    [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ];

    /// <summary>Creates a date; <paramref name="month"/> is 1 to 12, <paramref name="day"/> 1 to 31 when given.</summary>
    public RfcDate(int year, int month, int? day = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        if (day is int d)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(d, 1, nameof(day));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(d, 31, nameof(day));
        }

        Year = year;
        Month = month;
        Day = day;
    }

    /// <summary>The year.</summary>
    public int Year { get; }

    /// <summary>The month, 1 to 12.</summary>
    public int Month { get; }

    /// <summary>The day of the month, when the index gives one.</summary>
    public int? Day { get; }

    /// <summary>The English month name, e.g. <c>June</c>.</summary>
    public string MonthName => s_monthNames[Month - 1];

    /// <summary>The month number for an English month name (case-insensitive, full name); false otherwise.</summary>
    public static bool TryParseMonth(ReadOnlySpan<char> name, out int month)
    {
        for (int i = 0; i < s_monthNames.Length; i++)
        {
            if (name.Trim().Equals(s_monthNames[i], StringComparison.OrdinalIgnoreCase))
            {
                month = i + 1;
                return true;
            }
        }

        month = 0;
        return false;
    }

    /// <summary>As the index writes it: <c>June 1999</c> or <c>1 April 1998</c>.</summary>
    public override string ToString() => Day is int day
        ? string.Create(CultureInfo.InvariantCulture, $"{day} {MonthName} {Year}")
        : string.Create(CultureInfo.InvariantCulture, $"{MonthName} {Year}");
}
