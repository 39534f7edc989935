using System.Reflection;
using System.Text;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace NewsParsing.Tests.Infrastructure;

/// <summary>
/// One example of a Markdown spec file: a fenced <c>```article</c> block (its info string may carry options such as
/// <c>published=2021-01-28</c>) followed by a fenced <c>```expected</c> block holding the canonical dump.
/// </summary>
public sealed class SpecExample : IXunitSerializable
{
    /// <summary>For the serializer.</summary>
    public SpecExample()
    {
    }

    /// <summary>Creates an example.</summary>
    public SpecExample(string file, int line, string heading, string input, string expected, string options)
    {
        File = file;
        Line = line;
        Heading = heading;
        Input = input;
        Expected = expected;
        Options = options;
    }

    /// <summary>The spec file, relative to the Specs folder.</summary>
    public string File { get; private set; } = "";

    /// <summary>The 1-based line of the input fence.</summary>
    public int Line { get; private set; }

    /// <summary>The nearest heading above the example.</summary>
    public string Heading { get; private set; } = "";

    /// <summary>The article text.</summary>
    public string Input { get; private set; } = "";

    /// <summary>The expected canonical dump.</summary>
    public string Expected { get; private set; } = "";

    /// <summary>The options from the input fence's info string, as written (<c>published=2021-01-28</c>).</summary>
    public string Options { get; private set; } = "";

    /// <summary>The value of option <paramref name="name"/>, or <see langword="null"/>.</summary>
    public string? Option(string name)
    {
        foreach (var part in Options.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=');
            if (eq > 0 && part[..eq] == name)
            {
                return part[(eq + 1)..];
            }
        }

        return null;
    }

    /// <inheritdoc />
    public void Deserialize(IXunitSerializationInfo info)
    {
        File = info.GetValue<string>(nameof(File));
        Line = info.GetValue<int>(nameof(Line));
        Heading = info.GetValue<string>(nameof(Heading));
        Input = info.GetValue<string>(nameof(Input));
        Expected = info.GetValue<string>(nameof(Expected));
        Options = info.GetValue<string>(nameof(Options));
    }

    /// <inheritdoc />
    public void Serialize(IXunitSerializationInfo info)
    {
        info.AddValue(nameof(File), File);
        info.AddValue(nameof(Line), Line);
        info.AddValue(nameof(Heading), Heading);
        info.AddValue(nameof(Input), Input);
        info.AddValue(nameof(Expected), Expected);
        info.AddValue(nameof(Options), Options);
    }

    /// <inheritdoc />
    public override string ToString() => $"{File}:{Line} {Heading}";
}

/// <summary>Reads spec files: Markdown with <c>```article</c> / <c>```expected</c> fenced pairs.</summary>
public static class SpecFile
{
    /// <summary>The folder spec files are read from (the source tree, so edits need no rebuild).</summary>
    public static string Root => Path.Combine(Paths.TestProject, "Specs");

    /// <summary>Reads every example of the spec files in <paramref name="folder"/> (relative to <see cref="Root"/>).</summary>
    public static IEnumerable<SpecExample> ReadFolder(string folder)
    {
        var dir = Path.Combine(Root, folder);
        foreach (var file in Directory.EnumerateFiles(dir, "*.md").OrderBy(f => f, StringComparer.Ordinal))
        {
            foreach (var example in Read(file))
            {
                yield return example;
            }
        }
    }

    /// <summary>Reads the examples of one spec file.</summary>
    public static IEnumerable<SpecExample> Read(string path)
    {
        var relative = Path.GetRelativePath(Root, path).Replace('\\', '/');
        var lines = System.IO.File.ReadAllLines(path);
        var heading = "";
        string? input = null;
        var inputLine = 0;
        var options = "";
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.StartsWith('#'))
            {
                heading = line.TrimStart('#', ' ');
                continue;
            }

            if (!line.StartsWith("```", StringComparison.Ordinal))
            {
                continue;
            }

            var info = line[3..].Trim();
            var kind = info.Split(' ', 2)[0];
            var body = new StringBuilder();
            var start = i;
            i++;
            while (i < lines.Length && !lines[i].StartsWith("```", StringComparison.Ordinal))
            {
                body.Append(lines[i]).Append('\n');
                i++;
            }

            var text = body.Length > 0 ? body.ToString(0, body.Length - 1) : "";
            if (kind == "article")
            {
                input = text;
                inputLine = start + 1;
                options = info.Length > kind.Length ? info[kind.Length..].Trim() : "";
            }
            else if (kind == "expected" && input is not null)
            {
                yield return new SpecExample(relative, inputLine, heading, Unescape(input), text, options);
                input = null;
            }
        }
    }

    /// <summary>Spec inputs may write <c>\t</c>, <c>\u00A0</c>-style escapes as <c>{TAB}</c>-free literals; only <c>⏎</c> is special: it stands for a CR.</summary>
    private static string Unescape(string input) => input.Replace("⏎", "\r", StringComparison.Ordinal);
}

/// <summary>Supplies the examples of the spec files in a folder as theory data.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SpecDataAttribute : DataAttribute
{
    /// <summary>Creates the attribute for the spec files in <paramref name="folder"/> (relative to <c>Specs/</c>).</summary>
    public SpecDataAttribute(string folder)
    {
        Folder = folder;
    }

    /// <summary>The folder of spec files.</summary>
    public string Folder { get; }

    /// <inheritdoc />
    public override IEnumerable<object[]> GetData(MethodInfo testMethod)
    {
        foreach (var example in SpecFile.ReadFolder(Folder))
        {
            yield return [example];
        }
    }
}

/// <summary>Rewrites the <c>```expected</c> blocks of spec files from the current output (NEWSPARSING_UPDATE_GOLDEN=1); review the diff.</summary>
public static class SpecRewriter
{
    /// <summary>Rewrites every spec file in <paramref name="folder"/> with <paramref name="dump"/>.</summary>
    public static void RewriteFolder(string folder, Func<SpecExample, string> dump)
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(SpecFile.Root, folder), "*.md"))
        {
            var examples = SpecFile.Read(file).ToDictionary(e => e.Line);
            var lines = File.ReadAllLines(file).ToList();
            var output = new List<string>();
            SpecExample? pending = null;
            for (var i = 0; i < lines.Count; i++)
            {
                var line = lines[i];
                if (line.StartsWith("```article", StringComparison.Ordinal))
                {
                    examples.TryGetValue(i + 1, out pending);
                }

                if (line.StartsWith("```expected", StringComparison.Ordinal) && pending is not null)
                {
                    output.Add(line);
                    i++;
                    while (i < lines.Count && !lines[i].StartsWith("```", StringComparison.Ordinal))
                    {
                        i++;
                    }

                    output.AddRange(dump(pending).Split('\n'));
                    output.Add("```");
                    pending = null;
                    continue;
                }

                output.Add(line);
            }

            File.WriteAllText(file, string.Join("\n", output) + "\n");
        }
    }
}
