using System.Runtime.InteropServices;

namespace Rfc.Cli;

/// <summary>
/// Standard output or standard error, written synchronously with write(2) on the descriptor (on Windows, through the
/// console's own stream).
/// <para>
/// Not System.Console's stream on Unix: its first write sets the console up for interactive use whether or not it is
/// a terminal: it creates Console.Out (looking up the encoding named in LANG), starts the runtime's signal-handling
/// thread with its pipe, and on a terminal sends the keypad-transmit sequence. perf over 100 NativeAOT runs of
/// <c>rfc search sip</c> put that set-up at about 2 % of the process's samples, before the new thread's own cost
/// (see docs/ARCHITECTURE.md). rfc reads no keys and writes bytes.
/// </para>
/// <para>
/// Writes complete synchronously (the console stream has no asynchronous write, and Stream's default would queue each
/// to the thread pool, whose first worker thread was the largest cost of a cached read after the runtime, issue 6).
/// A reader that went away (<c>| head</c>, EPIPE) is not an error: the rest is dropped and rfc ends normally, as it
/// did with the console stream. Any other failure (a full disk under <c>&gt; file</c>, ENOSPC) throws
/// <see cref="OutputWriteException"/>.
/// </para>
/// </summary>
internal sealed partial class ConsoleOutputStream : Stream
{
    /// <summary>EINTR, the same on Linux and the BSDs: a signal arrived before anything was written; write again.</summary>
    private const int Interrupted = 4;

    /// <summary>EPIPE, the same on Linux and the BSDs: the reading end is closed (the runtime ignores SIGPIPE).</summary>
    private const int BrokenPipe = 32;

    /// <summary>POLLOUT: the descriptor can be written.</summary>
    private const short PollOut = 4;

    private readonly int _descriptor;
    private readonly string _name;
    private readonly Stream? _console;

    private ConsoleOutputStream(int descriptor, string name, Stream? console)
    {
        _descriptor = descriptor;
        _name = name;
        _console = console;
    }

    /// <summary>EAGAIN: a descriptor another program left non-blocking is full; 11 on Linux, 35 on macOS and the BSDs.</summary>
    private static int TryAgain => OperatingSystem.IsLinux() ? 11 : 35;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>The process's standard output.</summary>
    public static ConsoleOutputStream StandardOutput() =>
        OperatingSystem.IsWindows() ? new(-1, "standard output", Console.OpenStandardOutput()) : new(1, "standard output", null);

    /// <summary>The process's standard error.</summary>
    public static ConsoleOutputStream StandardError() =>
        OperatingSystem.IsWindows() ? new(-1, "standard error", Console.OpenStandardError()) : new(2, "standard error", null);

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_console is not null)
        {
            _console.Write(buffer);
            return;
        }

        unsafe
        {
            fixed (byte* start = buffer)
            {
                byte* next = start;
                nuint left = (nuint)buffer.Length;
                while (left > 0)
                {
                    nint written = SystemWrite(_descriptor, next, left);
                    if (written >= 0)
                    {
                        next += written;
                        left -= (nuint)written;
                        continue;
                    }

                    int error = Marshal.GetLastPInvokeError();
                    if (error == Interrupted)
                    {
                        continue;
                    }

                    if (error == BrokenPipe)
                    {
                        return;
                    }

                    if (error != TryAgain)
                    {
                        throw new OutputWriteException(_name, error);
                    }

                    PollDescriptor wait = new() { Descriptor = _descriptor, Events = PollOut };
                    _ = SystemPoll(&wait, 1, -1); // Whatever it says, the next write tells.
                }
            }
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled(cancellationToken);
        }

        try
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }
        catch (IOException e)
        {
            return ValueTask.FromException(e);
        }
    }

    public override void Flush() => _console?.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        try
        {
            Flush();
            return Task.CompletedTask;
        }
        catch (IOException e)
        {
            return Task.FromException(e);
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _console?.Dispose(); // The descriptors themselves stay open: they are the process's, not this stream's.
        }

        base.Dispose(disposing);
    }

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    private static unsafe partial nint SystemWrite(int descriptor, byte* buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    private static unsafe partial int SystemPoll(PollDescriptor* descriptors, nuint count, int timeoutMilliseconds);

    /// <summary>struct pollfd.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct PollDescriptor
    {
        public int Descriptor;
        public short Events;
        public short ReturnedEvents;
    }
}
