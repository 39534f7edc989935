namespace NewsParsing.Cli;

/// <summary>One input of a run: a file, or standard input. <paramref name="Relative"/> is its path under the directory
/// argument it was found in (its file name for a file argument): where <c>--output</c> writes its record.</summary>
internal readonly record struct InputFile(string Source, string Path, bool IsStdin, string Relative = "")
{
    /// <summary>A <c>.jsonl</c> file: JSON Lines records, one per line, as <c>--input-format jsonl</c> reads them.</summary>
    public bool IsJsonLines => !IsStdin && InputFiles.HasExtension(Path, ".jsonl");
}

/// <summary>
/// Expands command-line paths into input files, in the order given. A directory gives its article files — by
/// extension, case-insensitively: <c>.txt</c>, <c>.html</c>, <c>.htm</c>, <c>.html.gz</c>, and <c>.jsonl</c> for JSON
/// Lines records — sorted by path, and with
/// <c>--recursive</c> those of its subdirectories too; other files are skipped and counted on standard error.
/// </summary>
internal static class InputFiles
{
    /// <summary>The extensions of article files in a directory.</summary>
    public static readonly string[] ArticleExtensions = [".txt", ".html", ".htm", ".html.gz", ".jsonl"];

    public static bool HasExtension(string path, string extension) => path.EndsWith(extension, StringComparison.OrdinalIgnoreCase);

    public static bool IsArticleFile(string path)
    {
        foreach (var extension in ArticleExtensions)
        {
            if (HasExtension(path, extension))
            {
                return true;
            }
        }

        return false;
    }

    public static List<InputFile> Enumerate(string[] paths, bool recursive, TextWriter stderr, ref bool failed)
    {
        var list = new List<InputFile>();
        foreach (var path in paths)
        {
            if (path == "-")
            {
                list.Add(new InputFile("-", "-", true, "stdin"));
            }
            else if (Directory.Exists(path))
            {
                var files = new List<string>();
                var skipped = 0;
                var options = new EnumerationOptions
                {
                    RecurseSubdirectories = recursive,
                    IgnoreInaccessible = true,
                    AttributesToSkip = 0,
                    MatchCasing = MatchCasing.CaseInsensitive,
                };
                foreach (var file in Directory.EnumerateFiles(path, "*", options))
                {
                    if (IsArticleFile(file))
                    {
                        files.Add(file);
                    }
                    else
                    {
                        skipped++;
                    }
                }

                files.Sort(StringComparer.Ordinal);
                var prefix = path.TrimEnd('/', '\\');
                foreach (var file in files)
                {
                    var relative = System.IO.Path.GetRelativePath(path, file).Replace('\\', '/');
                    list.Add(new InputFile(prefix + "/" + relative, file, false, relative));
                }

                if (skipped > 0)
                {
                    stderr.WriteLine($"newsparse: skipped {skipped} file{(skipped == 1 ? "" : "s")} in '{InputText.ForTerminal(path)}' that {(skipped == 1 ? "is" : "are")} not articles (.txt, .html, .htm, .html.gz, .jsonl)");
                }
            }
            else if (File.Exists(path))
            {
                list.Add(new InputFile(path, path, false, System.IO.Path.GetFileName(path)));
            }
            else
            {
                stderr.WriteLine($"newsparse: no such file or directory: '{InputText.ForTerminal(path)}'");
                failed = true;
            }
        }

        return list;
    }
}
