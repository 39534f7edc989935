namespace NewsParsing.Cli;

/// <summary>The <c>newsparse</c> entry point.</summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        // Buffered: records are written whole, many per system call.
        using var stdout = new BufferedStream(Console.OpenStandardOutput(), 1 << 16);
        using var stdin = Console.OpenStandardInput();
        return CliApp.Run(args, stdin, stdout, Console.Error);
    }
}
