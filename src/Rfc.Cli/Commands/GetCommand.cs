using System.CommandLine;
using Rfc.Documents;

namespace Rfc.Cli.Commands;

/// <summary><c>rfc N...</c>: prints RFCs exactly as served, through a pager on a terminal.</summary>
internal static class GetCommand
{
    public static void Attach(RootCommand root, GlobalOptions globals, CliContext context)
    {
        Argument<string[]> numbers = new("rfc")
        {
            Description = "RFC numbers: 2324, 0791, rfc2324 or \"RFC 2324\"",
            Arity = ArgumentArity.ZeroOrMore,
        };
        Option<bool> noPager = new("--no-pager") { Description = "Write straight to stdout even on a terminal" };
        root.Arguments.Add(numbers);
        root.Options.Add(noPager);
        root.SetAction((parse, cancellationToken) => RunAsync(NumberArguments.Parse(parse.GetValue(numbers)), globals.ClientOptions(parse, context), parse.GetValue(noPager), context, cancellationToken));
    }

    private static async Task<int> RunAsync(IReadOnlyList<RfcNumber> numbers, RfcClientOptions options, bool noPager, CliContext context, CancellationToken cancellationToken)
    {
        await using RfcClient client = new(options);

        // Fetch the first document before starting a pager, so an error is a plain line on stderr.
        RfcDocument first = await client.GetAsync(numbers[0], cancellationToken).ConfigureAwait(false);
        string? pagerCommand = context.StdoutIsTerminal && !noPager ? Pager.Command(context) : null;
        Pager? pager = pagerCommand is null ? null : Pager.TryStart(pagerCommand, context);
        Stream output = pager?.Input ?? context.Stdout;
        try
        {
            if (!await TryWriteAsync(output, first, cancellationToken).ConfigureAwait(false))
            {
                return (int)ExitCode.Success;
            }

            for (int i = 1; i < numbers.Count; i++)
            {
                RfcDocument next = await client.GetAsync(numbers[i], cancellationToken).ConfigureAwait(false);
                if (!await TryWriteAsync(output, next, cancellationToken).ConfigureAwait(false))
                {
                    break;
                }
            }
        }
        finally
        {
            if (pager is not null)
            {
                await pager.DisposeAsync().ConfigureAwait(false);
            }
        }

        return (int)ExitCode.Success;
    }

    /// <summary>Writes the document; false when the reader went away (a pager quit, <c>| head</c>), which is not an error.</summary>
    private static async Task<bool> TryWriteAsync(Stream output, RfcDocument document, CancellationToken cancellationToken)
    {
        try
        {
            await output.WriteAsync(document.Content, cancellationToken).ConfigureAwait(false);
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }
}
