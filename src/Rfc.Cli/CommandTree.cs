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
              rfc sync                     download the RFC index (then: info, search, bcp14, ...)
              rfc 9110 --section 8.8.3     one section; --toc for the table of contents
              rfc bcp14                    the RFCs that make up BCP 14 (RFC 2119 and RFC 8174)
              rfc search --full-text '"coffee pot"'
              rfc index                    bring the full-text index up to date (--rebuild: from nothing)
            """);
        foreach (Option option in globals.All)
        {
            root.Options.Add(option);
        }

        GetCommand.Attach(root, globals, context);
        MirrorCommand.Attach(root, globals, context);
        SyncCommand.Attach(root, globals, context);
        ErrataCommand.Attach(root, globals, context);
        RefsCommand.Attach(root, globals, context);
        InfoCommand.Attach(root, context);
        SearchCommand.Attach(root, context);
        ListCommand.Attach(root, context);
        CacheCommand.Attach(root, globals, context);
        IndexCommand.Attach(root, context);
        ServeCommand.Attach(root, globals, context);
        CompletionCommand.Attach(root);
        return root;
    }
}
