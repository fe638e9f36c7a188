using System.Text.RegularExpressions;
using Rfc.Documents;

namespace Rfc.Cli;

/// <summary>How RFC numbers are read from the command line.</summary>
internal static partial class NumberArguments
{
    /// <summary>The line printed when the arguments do not name an RFC.</summary>
    public const string Missing = "must supply an RFC number as the first argument, e.g. `rfc 2324`";

    /// <summary>
    /// Joins the two-word form (<c>rfc RFC 2324</c>) into one argument.
    /// </summary>
    public static string[] Normalize(string[] args)
    {
        List<string> result = new(args.Length);
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            if (arg == "--")
            {
                result.AddRange(args[i..]);
                break;
            }

            if (string.Equals(arg, "rfc", StringComparison.OrdinalIgnoreCase) && i + 1 < args.Length && RfcNumber.TryParse(args[i + 1], out _))
            {
                result.Add(arg + " " + args[i + 1]);
                i++;
                continue;
            }

            result.Add(arg);
        }

        return [.. result];
    }

    /// <summary>Parses every argument as an RFC number, or throws the usage error naming the first bad one.</summary>
    public static IReadOnlyList<RfcNumber> Parse(IReadOnlyList<string>? values)
    {
        if (values is null || values.Count == 0)
        {
            throw new CliUsageException(Missing);
        }

        List<RfcNumber> numbers = new(values.Count);
        foreach (string value in values)
        {
            if (!RfcNumber.TryParse(value, out RfcNumber number))
            {
                throw new CliUsageException($"{Missing} ('{value}' is not one)");
            }

            numbers.Add(number);
        }

        return numbers;
    }

    /// <summary>
    /// A negative number (<c>rfc -5</c>) reaches the parser as an unknown option; say what is really wrong.
    /// </summary>
    public static CliUsageException? FromUnmatched(IReadOnlyList<string> unmatched)
    {
        foreach (string token in unmatched)
        {
            if (NegativeNumber().IsMatch(token))
            {
                return new CliUsageException($"{Missing} ('{token}' is not one)");
            }
        }

        return null;
    }

    [GeneratedRegex(@"^-\d+$")]
    private static partial Regex NegativeNumber();
}
