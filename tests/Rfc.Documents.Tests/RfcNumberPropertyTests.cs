using CsCheck;

namespace Rfc.Documents.Tests;

/// <summary>
/// Every form rfc writes or people type an RFC number in parses back to the same number: the bare number, zero-padded
/// (the index's <c>0791</c>), <c>RFC</c> with any case, a space, <c>-</c> or <c>_</c>, surrounding white space; and
/// every document identifier's own text form parses back to itself.
/// </summary>
public sealed class RfcNumberPropertyTests
{
    private const int Iterations = 5_000;

    private static readonly Gen<(int Number, string Text)> s_forms =
        Gen.Select(Gen.Int[1, RfcNumber.MaxValue], Gen.Int[0, 6], Gen.Int[0, 6], Gen.Int[0, 3], Gen.Int[0, 3])
            .Select((number, padding, prefix, separator, space) =>
            {
                string digits = number.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(padding, '0');
                string rfc = prefix switch { 0 => "", 1 => "RFC", 2 => "rfc", 3 => "Rfc", 4 => "rFc", 5 => "RFC ", _ => "rfc  " };
                string sep = rfc.Length == 0 ? "" : separator switch { 0 => "", 1 => "-", 2 => "_", _ => "" };
                string around = space switch { 0 => "", 1 => " ", 2 => "\t", _ => " \n" };
                return (number, around + rfc + sep + digits + around);
            });

    [Fact]
    public void TryParse_ReturnsTheNumber_ForEveryFormatted()
    {
        s_forms.Sample(
            form =>
            {
                Assert.True(RfcNumber.TryParse(form.Text, out RfcNumber parsed), form.Text);
                Assert.Equal(form.Number, parsed.Value);
                Assert.True(RfcNumber.TryParse(parsed.ToString(), out RfcNumber again));
                Assert.Equal(parsed, again);
            },
            iter: Iterations);
    }

    [Fact]
    public void TryParse_Refuses_NumbersOutOfRange()
    {
        Gen.Select(Gen.Long[RfcNumber.MaxValue + 1L, 999_999_999_999L], Gen.Bool).Sample(
            (value, prefixed) => Assert.False(RfcNumber.TryParse((prefixed ? "RFC" : "") + value, out _)),
            iter: Iterations);
        Assert.False(RfcNumber.TryParse("0", out _));
        Assert.False(RfcNumber.TryParse("RFC000000", out _));
    }

    [Fact]
    public void DocIdTryParse_ReturnsTheId_ForItsOwnTextAndPaddedForms()
    {
        Gen.Select(Gen.Enum<DocSeries>(), Gen.Int[1, RfcNumber.MaxValue], Gen.Int[0, 6], Gen.Bool).Sample(
            (series, number, padding, spaced) =>
            {
                var id = new DocId(series, number);
                string text = id.ToString();
                string padded = text[..3] + (spaced ? " " : "") + text[3..].PadLeft(padding, '0');
                Assert.True(DocId.TryParse(text, out DocId parsed), text);
                Assert.Equal(id, parsed);
                Assert.True(DocId.TryParse(padded, out DocId fromPadded), padded);
                Assert.Equal(id, fromPadded);
            },
            iter: Iterations);
    }
}
