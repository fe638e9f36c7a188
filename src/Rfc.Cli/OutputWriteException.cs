using System.Globalization;
using System.Runtime.InteropServices;

namespace Rfc.Cli;

/// <summary>
/// Standard output or standard error could not be written (a full disk under <c>&gt; file</c>, an I/O error): exit 5,
/// like any other local file that cannot be written. A reader that went away is not this (see <see cref="ConsoleOutputStream"/>).
/// </summary>
internal sealed class OutputWriteException(string stream, int error)
    : IOException(string.Create(CultureInfo.InvariantCulture, $"{stream} could not be written: {Marshal.GetPInvokeErrorMessage(error)} (errno {error})"), error);
