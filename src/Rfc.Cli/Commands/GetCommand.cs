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
        Option<bool> refresh = new("--refresh") { Description = "Revalidate a stored copy with the server (If-None-Match / If-Modified-Since)" };
        Option<bool> offline = new("--offline") { Description = "Never use the network: print from the local store or fail" };
        root.Arguments.Add(numbers);
        root.Options.Add(noPager);
        root.Options.Add(refresh);
        root.Options.Add(offline);
        LibraryReader.Options library = new();
        library.AddTo(root);
        root.SetAction((parse, cancellationToken) =>
        {
            string[]? parsed = parse.GetValue(numbers);
            if (parse.GetValue(refresh) && parse.GetValue(offline))
            {
                throw new CliUsageException("--refresh needs the network and --offline forbids it; choose one");
            }

            ReadMode mode = parse.GetValue(offline) ? ReadMode.Offline : parse.GetValue(refresh) ? ReadMode.Refresh : ReadMode.Default;
            return RunAsync(parsed, globals.ClientOptions(parse, context), mode, parse.GetValue(noPager), context, client => library.Create(parse, client, context), cancellationToken);
        });
    }

    /// <summary>
    /// <c>rfc N</c> or <c>rfc N --offline</c> with nothing else (the everyday cached read): what the command's action does
    /// for those arguments, without building the command tree and parsing (see <see cref="RfcApp"/>).
    /// </summary>
    public static Task<int> RunPlainAsync(string number, bool offline, CliContext context, CancellationToken cancellationToken) =>
        RunAsync([number], GlobalOptions.DefaultClientOptions(context), offline ? ReadMode.Offline : ReadMode.Default, noPager: false, context, client => LibraryReader.Plain(client, context), cancellationToken);

    private static async Task<int> RunAsync(string[]? values, RfcClientOptions options, ReadMode mode, bool noPager, CliContext context, Func<RfcClient, LibraryReader> library, CancellationToken cancellationToken)
    {
        await using RfcClient client = new(options);
        LibraryReader reader = library(client);
        IReadOnlyList<RfcNumber> numbers = reader.Resolve(values);

        // Get the first document before starting a pager, so an error is a plain line on stderr.
        RfcContent first = await reader.GetAsync(numbers[0], mode, cancellationToken).ConfigureAwait(false);
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
                RfcContent next = await reader.GetAsync(numbers[i], mode, cancellationToken).ConfigureAwait(false);
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

    /// <summary>
    /// Writes the document; false when the pager's reader went away (the user quit it), which is not an error. Standard
    /// output whose reader went away (<c>| head</c>) drops the rest itself; standard output that cannot be written (a full
    /// disk) is an error (<see cref="OutputWriteException"/>), not a reader that left.
    /// </summary>
    private static async Task<bool> TryWriteAsync(Stream output, RfcContent document, CancellationToken cancellationToken)
    {
        try
        {
            await output.WriteAsync(document.Content, cancellationToken).ConfigureAwait(false);
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (IOException e) when (e is not OutputWriteException)
        {
            return false;
        }
    }
}
