// Copies the file named by the first argument to stdout, and nothing else.
using Stream stdout = Console.OpenStandardOutput();
stdout.Write(File.ReadAllBytes(args[0]));
