using System.CommandLine;

namespace Rfc.Cli.Commands;

/// <summary>
/// <c>rfc completion bash|zsh|fish</c>: prints a script that the shell loads once. The script knows
/// nothing about rfc's options: on every Tab it asks rfc itself through System.CommandLine's
/// <c>[suggest:POSITION]</c> directive (<c>rfc "[suggest:8]" "rfc --tr"</c> prints <c>--trace</c> and
/// <c>--transport</c>), so completions never drift from the real command tree and need no
/// <c>dotnet-suggest</c> tool.
/// </summary>
internal static class CompletionCommand
{
    /// <summary>The shells a script exists for.</summary>
    public static IReadOnlyList<string> Shells { get; } = ["bash", "zsh", "fish"];

    public static void Attach(RootCommand root)
    {
        Argument<string> shell = new("shell") { Description = "bash, zsh or fish" };
        shell.AcceptOnlyFromAmong([.. Shells]);
        Command command = new(
            "completion",
            """
            Print a shell script that completes rfc's commands and options on Tab.

            Examples:
              eval "$(rfc completion bash)"          in ~/.bashrc
              source <(rfc completion zsh)           in ~/.zshrc, after compinit
              rfc completion fish | source           in ~/.config/fish/config.fish
            """)
        {
            shell,
        };
        command.SetAction(parse =>
        {
            parse.InvocationConfiguration.Output.Write(Script(parse.GetValue(shell)!));
            return (int)ExitCode.Success;
        });
        root.Subcommands.Add(command);
    }

    /// <summary>The completion script for <paramref name="shell"/> (one of <see cref="Shells"/>).</summary>
    public static string Script(string shell) => shell switch
    {
        // COMP_POINT is the cursor's offset in COMP_LINE: exactly what [suggest:N] takes.
        "bash" => """
            # rfc completion for bash. Load with: eval "$(rfc completion bash)"
            _rfc_complete() {
              local IFS=$'\n'
              local candidates
              candidates=$(rfc "[suggest:${COMP_POINT}]" "${COMP_LINE}" 2>/dev/null) || return 0
              COMPREPLY=($(compgen -W "${candidates}" -- "${COMP_WORDS[COMP_CWORD]}"))
            }
            complete -o default -F _rfc_complete rfc

            """,
        // The words up to the cursor, joined, end where the cursor is.
        "zsh" => """
            #compdef rfc
            # rfc completion for zsh. Load with: source <(rfc completion zsh)   (after compinit)
            _rfc() {
              local line="${(j: :)${(@)words[1,CURRENT]}}"
              local -a candidates
              candidates=(${(f)"$(rfc "[suggest:${#line}]" "$line" 2>/dev/null)"})
              compadd -- $candidates
            }
            compdef _rfc rfc

            """,
        // commandline -cp: the current command up to the cursor.
        "fish" => """
            # rfc completion for fish. Load with: rfc completion fish | source
            function __rfc_complete
                set -l line (commandline -cp)
                rfc "[suggest:"(string length -- "$line")"]" "$line" 2>/dev/null
            end
            complete -c rfc -f -a '(__rfc_complete)'

            """,
        _ => throw new ArgumentOutOfRangeException(nameof(shell), shell, "use bash, zsh or fish"),
    };
}
