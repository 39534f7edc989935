using Microsoft.Win32.SafeHandles;

namespace NewsParsing.Cli;

/// <summary>The <c>newsparse</c> entry point.</summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        // Records are buffered whole by the runner (RecordWriter), many per system call. Standard output is opened as a
        // file stream on descriptor 1, not as the console stream: the console stream silently drops writes to a closed
        // pipe (so `newsparse parse many | head -1` parsed everything), and a file stream can cut a torn record off a
        // full disk.
        using var stdout = OpenStandardOutput();
        using var stdin = Console.OpenStandardInput();
        return CliApp.Run(args, stdin, stdout, Console.Error);
    }

    private static Stream OpenStandardOutput()
    {
        if (OperatingSystem.IsWindows())
        {
            return Console.OpenStandardOutput();
        }

        try
        {
            return new FileStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write, bufferSize: 0);
        }
        catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException or NotSupportedException)
        {
            return Console.OpenStandardOutput();
        }
    }
}
