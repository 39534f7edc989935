namespace NewsParsing.Cli;

/// <summary>One input of a run: a file, or standard input.</summary>
internal readonly record struct InputFile(string Source, string Path, bool IsStdin);

/// <summary>Expands command-line paths into input files, in the order given (directories sorted by name).</summary>
internal static class InputFiles
{
    private static readonly string[] Patterns = ["*.txt", "*.html", "*.htm", "*.html.gz"];

    public static IEnumerable<InputFile> Enumerate(string[] paths, TextWriter stderr, ref bool failed)
    {
        var list = new List<InputFile>();
        foreach (var path in paths)
        {
            if (path == "-")
            {
                list.Add(new InputFile("-", "-", true));
            }
            else if (Directory.Exists(path))
            {
                var files = new List<string>();
                foreach (var pattern in Patterns)
                {
                    files.AddRange(Directory.EnumerateFiles(path, pattern, SearchOption.TopDirectoryOnly));
                }

                files.Sort(StringComparer.Ordinal);
                var prefix = path.TrimEnd('/', '\\');
                foreach (var file in files)
                {
                    list.Add(new InputFile(prefix + "/" + System.IO.Path.GetFileName(file), file, false));
                }
            }
            else if (File.Exists(path))
            {
                list.Add(new InputFile(path, path, false));
            }
            else
            {
                stderr.WriteLine($"newsparse: no such file or directory: '{path}'");
                failed = true;
            }
        }

        return list;
    }
}
