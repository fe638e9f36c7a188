using SharpFuzz;

namespace Rfc.Fuzz;

/// <summary>
/// Entry point of the AFL++ harness: <c>Rfc.Fuzz TARGET</c> runs one target under afl-fuzz (SharpFuzz's fork
/// server; run outside afl-fuzz it runs the input on stdin once, which is how a finding is replayed);
/// <c>Rfc.Fuzz --seeds TARGET DIR SHARED</c> writes that target's seed inputs from the shared material.
/// A target throws only for a bug: the exceptions the code documents for bad input are caught in the target.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        if (args.Length == 4 && args[0] == "--seeds")
        {
            return Seeds.Write(args[1], args[2], args[3]);
        }

        if (args.Length == 1 && args[0] == "--list")
        {
            Console.WriteLine(string.Join('\n', Targets.Names));
            return 0;
        }

        if (args.Length != 1 || Targets.Find(args[0]) is not Action<byte[]> target)
        {
            Console.Error.WriteLine($"usage: Rfc.Fuzz TARGET < input   |   Rfc.Fuzz --seeds TARGET DIR SHARED   |   Rfc.Fuzz --list\ntargets: {string.Join(", ", Targets.Names)}");
            return 2;
        }

        Fuzzer.Run(stream =>
        {
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            target(copy.ToArray());
        });
        return 0;
    }
}
