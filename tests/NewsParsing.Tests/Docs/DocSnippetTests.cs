using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace NewsParsing.Tests.Docs;

/// <summary>
/// Every <c>```csharp</c> block of <c>README.md</c> and <c>docs/*.md</c> is a program a reader can paste into a new
/// console project (implicit usings on, nothing else): it is compiled with Roslyn against the library, with only the
/// <c>using</c> lines it shows, and run in its own process, from a folder holding the repository's <c>seeds/</c> and a
/// small <c>story.html</c>. A statement whose comment starts with <c>→</c> (<c>Console.WriteLine(x); // → Baku</c>)
/// states what it prints: the line it prints (or, for a loop, one of its lines) must be exactly that, under en-US and
/// under ar-SA (another calendar, other digits and separators), so an output that depends on the culture fails.
/// </summary>
public sealed partial class DocSnippetTests
{
    private static readonly string[] Cultures = ["en-US", "ar-SA"];

    private static readonly string[] ImplicitUsings =
        ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks"];

    public static TheoryData<string, int> Snippets()
    {
        var data = new TheoryData<string, int>();
        foreach (var snippet in DocSnippet.All())
        {
            data.Add(snippet.File, snippet.Line);
        }

        return data;
    }

    [Fact]
    public void The_docs_have_snippets_with_stated_outputs()
    {
        var all = DocSnippet.All();
        all.Should().HaveCountGreaterThanOrEqualTo(5, "README.md and docs/*.md show at least five C# snippets");
        all.Sum(s => s.Outputs.Count).Should().BeGreaterThanOrEqualTo(4, "the README states what its statements print");
        all.Where(s => s.File == "README.md").Should().ContainSingle();
    }

    [Fact]
    public void An_output_that_depends_on_the_culture_fails()
    {
        // The README's old comment: a NodaTime LocalDate printed with the culture's long date pattern.
        var snippet = DocSnippet.Parse("test.md", 1, "Console.WriteLine(new NodaTime.LocalDate(2018, 3, 9)); // → 2018-03-09");
        RunEverywhere(snippet).Should().NotBeEmpty();
    }

    [Fact]
    public void A_wrong_stated_output_fails()
    {
        // The harness itself: a snippet whose comment states the wrong output must not pass.
        var snippet = DocSnippet.Parse("test.md", 1, "Console.WriteLine(\"Baku\"); // → Bakuu");
        var failures = RunEverywhere(snippet);
        failures.Should().HaveCount(Cultures.Length).And.OnlyContain(f => f.Contains("'Bakuu'") && f.Contains("printed 'Baku'"));
    }

    [Theory]
    [MemberData(nameof(Snippets))]
    public void Doc_snippet_compiles_runs_and_prints_what_its_comments_state(string file, int line)
    {
        var snippet = DocSnippet.All().Single(s => s.File == file && s.Line == line);
        RunEverywhere(snippet).Should().BeEmpty();
    }

    /// <summary>Compiles the snippet and runs it under each culture; returns what went wrong (empty: all good).</summary>
    private static List<string> RunEverywhere(DocSnippet snippet)
    {
        var work = Directory.CreateTempSubdirectory("doc-snippet-");
        try
        {
            var exe = Compile(snippet, work.FullName);
            PrepareFolder(work.FullName);
            var failures = new List<string>();
            foreach (var culture in Cultures)
            {
                var printed = Run(exe, work.FullName, culture);
                foreach (var (marker, expected) in snippet.Outputs)
                {
                    var lines = printed.TryGetValue(marker, out var l) ? l : [];
                    var ok = lines.Count == 1 ? lines[0] == expected : lines.Contains(expected);
                    if (!ok)
                    {
                        failures.Add($"{snippet.File}:{snippet.Line + marker.SourceLine}: under {culture} the comment says '{expected}' but the statement printed "
                            + (lines.Count == 0 ? "nothing" : string.Join(" | ", lines.Select(x => $"'{x}'"))));
                    }
                }
            }

            return failures;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static string Compile(DocSnippet snippet, string folder)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = new[]
        {
            CSharpSyntaxTree.ParseText(string.Concat(ImplicitUsings.Select(u => $"global using global::{u};\n")), parse),
            CSharpSyntaxTree.ParseText(snippet.Instrumented(), parse, path: snippet.File),
            CSharpSyntaxTree.ParseText(Helper, parse),
        };
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var references = Directory.EnumerateFiles(runtime, "*.dll")
            .Where(f => !Path.GetFileName(f).StartsWith("Microsoft.VisualBasic", StringComparison.Ordinal))
            .Concat(LibraryFiles.Select(f => Path.Combine(AppContext.BaseDirectory, f)))
            .Select(f => MetadataReference.CreateFromFile(f));
        var compilation = CSharpCompilation.Create("snippet", trees, references.Where(IsManaged),
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        var exe = Path.Combine(folder, "snippet.dll");
        using (var stream = File.Create(exe))
        {
            var result = compilation.Emit(stream);
            var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            errors.Should().BeEmpty($"{snippet.File}:{snippet.Line} must compile as shown (with its using lines):\n{snippet.Instrumented()}");
        }

        foreach (var file in LibraryFiles)
        {
            File.Copy(Path.Combine(AppContext.BaseDirectory, file), Path.Combine(folder, file));
        }

        var version = Environment.Version;
        var tfm = $"{version.Major}.{version.Minor}";
        File.WriteAllText(Path.Combine(folder, "snippet.runtimeconfig.json"),
            "{\"runtimeOptions\":{\"tfm\":\"net" + tfm + "\",\"framework\":{\"name\":\"Microsoft.NETCore.App\",\"version\":\"" + tfm + ".0\"}}}");
        return exe;
    }

    private static bool IsManaged(PortableExecutableReference reference)
    {
        try
        {
            using var stream = File.OpenRead(reference.FilePath!);
            using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
            return pe.HasMetadata;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }

    private static readonly string[] LibraryFiles = ["NewsParsing.dll", "NodaTime.dll", "AngleSharp.dll"];

    /// <summary>The files the snippets read, as a reader of the docs has them: the seeds and a saved page.</summary>
    private static void PrepareFolder(string folder)
    {
        Directory.CreateDirectory(Path.Combine(folder, "seeds"));
        foreach (var seed in Directory.EnumerateFiles(Paths.Seeds, "*.txt"))
        {
            File.Copy(seed, Path.Combine(folder, "seeds", Path.GetFileName(seed)));
        }

        File.WriteAllText(Path.Combine(folder, "story.html"), """
            <!DOCTYPE html><html lang="en"><head><title>Storm hits coast | AP News</title>
            <meta property="og:title" content="Storm hits coast">
            <meta property="article:published_time" content="2024-05-02T10:15:00-04:00"></head>
            <body><article><h1>Storm hits coast</h1><p class="byline">By JANE DOE</p>
            <p>MIAMI (AP) — A storm hit the coast on Thursday, cutting power to 20,000 homes, officials said.</p>
            <p>Crews expect to restore most of it by Saturday.</p></article></body></html>
            """);
    }

    /// <summary>Runs the snippet; returns the lines each marked statement printed.</summary>
    private static Dictionary<OutputMarker, List<string>> Run(string exe, string folder, string culture)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(exe);
        start.Environment["NEWSPARSING_SNIPPET_CULTURE"] = culture;
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit(120_000).Should().BeTrue("a snippet runs in seconds");
        process.ExitCode.Should().Be(0, $"the snippet must run under {culture}; it wrote:\n{stdout}\n{stderr.Result}");

        var printed = new Dictionary<OutputMarker, List<string>>();
        List<string>? current = null;
        foreach (var line in stdout.Split('\n'))
        {
            var m = MarkerLine().Match(line.TrimEnd('\r'));
            if (m.Success)
            {
                var marker = new OutputMarker(int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
                current = m.Groups[1].Value == ">" ? printed[marker] = [] : null;
            }
            else
            {
                current?.Add(line.TrimEnd('\r'));
            }
        }

        return printed;
    }

    [GeneratedRegex(@"^\u001e([<>])(\d+)$")]
    private static partial Regex MarkerLine();

    /// <summary>Marks the output of the statements with a stated output, and sets the culture before any statement.</summary>
    private const string Helper = """
        internal static class __DocSnippet
        {
            [System.Runtime.CompilerServices.ModuleInitializer]
            internal static void SetCulture()
            {
                var name = System.Environment.GetEnvironmentVariable("NEWSPARSING_SNIPPET_CULTURE");
                if (name is not null)
                {
                    var culture = System.Globalization.CultureInfo.GetCultureInfo(name);
                    System.Globalization.CultureInfo.DefaultThreadCurrentCulture = culture;
                    System.Globalization.CultureInfo.DefaultThreadCurrentUICulture = culture;
                    System.Globalization.CultureInfo.CurrentCulture = culture;
                    System.Globalization.CultureInfo.CurrentUICulture = culture;
                }
            }

            public static void Begin(int line) => System.Console.WriteLine("\u001e>" + line.ToString(System.Globalization.CultureInfo.InvariantCulture));

            public static void End(int line) => System.Console.WriteLine("\u001e<" + line.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        """;
}

/// <summary>A statement with a stated output: its line within the snippet (zero-based).</summary>
public readonly record struct OutputMarker(int SourceLine);

/// <summary>One <c>```csharp</c> block: where it is, its text, and the outputs its <c>// →</c> comments state.</summary>
public sealed partial record DocSnippet(string File, int Line, string[] Lines, IReadOnlyDictionary<OutputMarker, string> Outputs)
{
    public static IReadOnlyList<DocSnippet> All()
    {
        var files = new[] { Path.Combine(Paths.RepoRoot, "README.md") }
            .Concat(Directory.EnumerateFiles(Path.Combine(Paths.RepoRoot, "docs"), "*.md").Order(StringComparer.Ordinal));
        var list = new List<DocSnippet>();
        foreach (var path in files)
        {
            var lines = System.IO.File.ReadAllLines(path);
            var relative = Path.GetRelativePath(Paths.RepoRoot, path).Replace('\\', '/');
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].Trim() != "```csharp")
                {
                    continue;
                }

                var end = Array.FindIndex(lines, i + 1, l => l.Trim() == "```");
                list.Add(Parse(relative, i + 2, string.Join('\n', lines[(i + 1)..end])));
                i = end;
            }
        }

        return list;
    }

    /// <summary>Reads a snippet; <paramref name="line"/> is the one-based line of its first statement in the file.</summary>
    public static DocSnippet Parse(string file, int line, string text)
    {
        var lines = text.Split('\n');
        var outputs = new Dictionary<OutputMarker, string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var m = StatedOutput().Match(lines[i]);
            if (m.Success)
            {
                outputs[new OutputMarker(i)] = m.Groups["output"].Value.TrimEnd();
            }
        }

        return new DocSnippet(file, line - 1, lines, outputs);
    }

    /// <summary>The snippet with each statement of a stated output between two markers.</summary>
    public string Instrumented()
    {
        var sb = new StringBuilder();
        for (var i = 0; i < Lines.Length; i++)
        {
            var m = StatedOutput().Match(Lines[i]);
            sb.Append(m.Success
                ? $"{m.Groups["indent"].Value}__DocSnippet.Begin({i}); {m.Groups["code"].Value} __DocSnippet.End({i});"
                : Lines[i]).Append('\n');
        }

        return sb.ToString();
    }

    [GeneratedRegex(@"^(?<indent>\s*)(?<code>\S.*;)\s*//\s*→\s*(?<output>.*)$")]
    private static partial Regex StatedOutput();
}
