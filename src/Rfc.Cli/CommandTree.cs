using System.CommandLine;
using Rfc.Cli.Commands;

namespace Rfc.Cli;

/// <summary>Builds the command tree. Every command's help ends with examples.</summary>
internal static class CommandTree
{
    public static RootCommand Build(GlobalOptions globals, CliContext context)
    {
        RootCommand root = new(
            """
            Fetch, read, search and mirror IETF RFCs.

            Examples:
              rfc 2324                     print RFC 2324 (through a pager on a terminal)
              rfc 791 793 --no-pager       print RFC 791 then RFC 793
              rfc 2616 --source ietf       fetch from www.ietf.org (follows its redirects)
              rfc 9110 --trace             show every layer of the stack on stderr
              RFC_SOURCE=http://127.0.0.1:8080/rfc/rfc{n}.txt rfc 2324
            """);
        foreach (Option option in globals.All)
        {
            root.Options.Add(option);
        }

        GetCommand.Attach(root, globals, context);
        CompletionCommand.Attach(root);
        return root;
    }
}
