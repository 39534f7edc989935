namespace NewsParsing.Cli;

/// <summary>
/// Where <c>--output DIR</c> writes: each article's record to its own <c>.json</c> file, and each <c>.jsonl</c> input's
/// records to one <c>.jsonl</c> file, named after the input with its extension replaced and at the input's path under
/// its directory argument (<c>news/2021/a.html.gz</c> read as <c>news</c> gives <c>DIR/2021/a.json</c>; a file
/// argument gives <c>DIR/</c> its name; standard input gives <c>DIR/stdin.json</c> or <c>DIR/stdin.jsonl</c>). Two
/// inputs with one output path, or an output path that is an input, are refused before anything is written.
/// </summary>
internal sealed class OutputFiles
{
    private readonly string _directory;
    private readonly HashSet<string> _created = new(StringComparer.Ordinal);

    private OutputFiles(string directory) => _directory = directory;

    /// <summary>Files written so far.</summary>
    public int Written { get; private set; }

    /// <summary>The directory as given.</summary>
    public string Directory => _directory;

    /// <summary>Plans the output of <paramref name="inputs"/> under <paramref name="directory"/>; null and a message
    /// when two inputs would share a file or a file would overwrite an input.</summary>
    public static OutputFiles? Plan(string directory, IReadOnlyList<InputFile> inputs, out string? error, out string[] paths)
    {
        paths = new string[inputs.Count];
        error = null;
        if (File.Exists(directory))
        {
            error = $"--output must be a directory, and '{InputText.ForTerminal(directory)}' is a file.";
            return null;
        }

        var byPath = new Dictionary<string, string>(OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        var inputPaths = new HashSet<string>(byPath.Comparer);
        foreach (var input in inputs)
        {
            if (!input.IsStdin)
            {
                inputPaths.Add(Path.GetFullPath(input.Path));
            }
        }

        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            var path = Path.GetFullPath(Path.Combine(directory, NameFor(input.Relative, input.IsJsonLines)));
            if (inputPaths.Contains(path))
            {
                error = $"--output would overwrite the input '{InputText.ForTerminal(input.Source)}'; choose another directory.";
                return null;
            }

            if (!byPath.TryAdd(path, input.Source))
            {
                error = $"'{InputText.ForTerminal(byPath[path])}' and '{InputText.ForTerminal(input.Source)}' would both be written to '{InputText.ForTerminal(path)}'.";
                return null;
            }

            paths[i] = path;
        }

        return new OutputFiles(directory);
    }

    /// <summary>The output name of an input at <paramref name="relative"/>: its article extension replaced by
    /// <c>.json</c>, or <c>.jsonl</c> for JSON Lines.</summary>
    public static string NameFor(string relative, bool jsonLines)
    {
        var stem = relative;
        foreach (var extension in (ReadOnlySpan<string>)[".html.gz", ".jsonl", ".html", ".htm", ".txt"])
        {
            if (InputFiles.HasExtension(relative, extension) && relative.Length > extension.Length)
            {
                stem = relative[..^extension.Length];
                break;
            }
        }

        return stem + (jsonLines ? ".jsonl" : ".json");
    }

    /// <summary>Writes one article's record to <paramref name="path"/>.</summary>
    /// <exception cref="OutputException">The file cannot be written.</exception>
    public void WriteFile(string path, ReadOnlySpan<byte> record)
    {
        try
        {
            using var file = Create(path);
            file.Write(record);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputException(e);
        }

        Written++;
    }

    /// <summary>Opens <paramref name="path"/> for a JSON Lines input's records.</summary>
    /// <exception cref="OutputException">The file cannot be created.</exception>
    public FileStream Open(string path)
    {
        try
        {
            var file = Create(path);
            Written++;
            return file;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputException(e);
        }
    }

    private FileStream Create(string path)
    {
        var parent = Path.GetDirectoryName(path)!;
        if (_created.Add(parent))
        {
            System.IO.Directory.CreateDirectory(parent);
        }

        return new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 0);
    }
}
