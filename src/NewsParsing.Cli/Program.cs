namespace NewsParsing.Cli;

/// <summary>The <c>newsparse</c> entry point.</summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        using var stdout = Console.OpenStandardOutput();
        using var stdin = Console.OpenStandardInput();
        return CliApp.Run(args, stdin, stdout, Console.Error);
    }
}
