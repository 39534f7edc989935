using System.Text.Json;
using System.Text.RegularExpressions;
using NewsParsing.Tests.Infrastructure;

namespace NewsParsing.Tests.Cli;

/// <summary>
/// <c>docs/newsparse.schema.json</c> is the schema generated from the record types, and every line <c>newsparse</c>
/// prints — articles and error records — validates against it, with no field the schema does not name. The validator
/// below covers the keywords the schema uses (type, required, properties, items, enum, pattern, minimum, $ref, anyOf).
/// </summary>
public class JsonSchemaTests
{
    private static readonly string SchemaPath = Path.Combine(Paths.RepoRoot, "docs", "newsparse.schema.json");
    private static readonly JsonDocument Schema = JsonDocument.Parse(File.ReadAllText(SchemaPath));

    [Fact]
    public void The_committed_schema_is_the_one_generated_from_the_record_types()
    {
        var generated = NewsParsing.Cli.NewsparseSchema.Generate();
        if (Environment.GetEnvironmentVariable("NEWSPARSE_WRITE_SCHEMA") == "1")
        {
            File.WriteAllText(SchemaPath, generated);
        }

        File.ReadAllText(SchemaPath).ReplaceLineEndings("\n").Should().Be(generated,
            "docs/newsparse.schema.json must be regenerated from the record types: dotnet run --project src/NewsParsing.Cli -- schema > docs/newsparse.schema.json (or NEWSPARSE_WRITE_SCHEMA=1 dotnet test --filter JsonSchemaTests), then review the diff");
    }

    [Fact]
    public void Error_records_and_articles_with_tool_diagnostics_validate()
    {
        var input = "{\"id\":\"a\",\"text\":\"LONDON, Feb 3 (Reuters) - Oil rose 5% to $60.\"}\n{bad\n{\"text\":\"x \\ud800\"}\n{\"id\":5}\n";
        var (_, stdout, _) = IsolationTests.Run(System.Text.Encoding.UTF8.GetBytes(input), "parse", "--input-format", "jsonl");
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(4);
        foreach (var line in lines)
        {
            using var doc = JsonDocument.Parse(line);
            var errors = new List<string>();
            Validate(Schema.RootElement, doc.RootElement, "$", errors);
            errors.Should().BeEmpty(line);
        }
    }

    [Fact]
    public void Every_output_line_for_the_seeds_and_real_articles_validates()
    {
        var paths = new List<string> { Paths.Seeds };
        if (Paths.EvalAvailable)
        {
            paths.Add(Path.Combine(Paths.Eval, "azernews"));
            paths.Add(Path.Combine(Paths.Eval, "html", "fundus", "uk"));
        }

        var output = Segmentation.GoldenTests.RunCli(["parse", .. paths]);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().NotBeEmpty();
        foreach (var line in lines)
        {
            using var doc = JsonDocument.Parse(line);
            var errors = new List<string>();
            Validate(Schema.RootElement, doc.RootElement, "$", errors);
            errors.Should().BeEmpty(line[..Math.Min(120, line.Length)]);
        }
    }

    [Fact]
    public void The_validator_rejects_what_the_schema_forbids()
    {
        using var doc = JsonDocument.Parse("""{"source":1,"published":"yesterday","authors":[2]}""");
        var errors = new List<string>();
        Validate(Schema.RootElement, doc.RootElement, "$", errors);
        errors.Should().Contain(e => e.Contains("$.source", StringComparison.Ordinal))
            .And.Contain(e => e.Contains("$.published", StringComparison.Ordinal))
            .And.Contain(e => e.Contains("$.authors[0]", StringComparison.Ordinal))
            .And.Contain(e => e.Contains("required", StringComparison.Ordinal));
    }

    private static void Validate(JsonElement schema, JsonElement value, string path, List<string> errors)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!.Split('/')[^1];
            schema = Schema.RootElement.GetProperty("$defs").GetProperty(name);
        }

        if (schema.TryGetProperty("anyOf", out var anyOf))
        {
            var all = new List<string>();
            foreach (var branch in anyOf.EnumerateArray())
            {
                var branchErrors = new List<string>();
                Validate(branch, value, path, branchErrors);
                if (branchErrors.Count == 0)
                {
                    return;
                }

                all.AddRange(branchErrors);
            }

            errors.AddRange(all);
            return;
        }

        if (schema.TryGetProperty("type", out var type))
        {
            var allowed = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToList() : [type.GetString()!];
            if (!allowed.Any(t => Is(t, value)))
            {
                errors.Add($"{path}: {value.ValueKind} is not {string.Join("|", allowed)}");
                return;
            }
        }

        if (schema.TryGetProperty("enum", out var values) && !values.EnumerateArray().Any(v => v.ToString() == value.ToString()))
        {
            errors.Add($"{path}: '{value}' is not one of {values}");
        }

        if (value.ValueKind == JsonValueKind.String && schema.TryGetProperty("pattern", out var pattern)
            && !Regex.IsMatch(value.GetString()!, pattern.GetString()!, RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            errors.Add($"{path}: '{value}' does not match {pattern}");
        }

        if (value.ValueKind == JsonValueKind.Number && schema.TryGetProperty("minimum", out var minimum) && value.GetDecimal() < minimum.GetDecimal())
        {
            errors.Add($"{path}: {value} is below {minimum}");
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            if (schema.TryGetProperty("required", out var required))
            {
                foreach (var r in required.EnumerateArray())
                {
                    if (!value.TryGetProperty(r.GetString()!, out _))
                    {
                        errors.Add($"{path}: required property '{r}' is missing");
                    }
                }
            }

            if (schema.TryGetProperty("properties", out var properties))
            {
                foreach (var p in properties.EnumerateObject())
                {
                    if (value.TryGetProperty(p.Name, out var child))
                    {
                        Validate(p.Value, child, path + "." + p.Name, errors);
                    }
                }

                foreach (var p in value.EnumerateObject())
                {
                    if (!properties.TryGetProperty(p.Name, out _))
                    {
                        errors.Add($"{path}.{p.Name}: the field is not in the schema");
                    }
                }
            }
        }

        if (value.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
        {
            var i = 0;
            foreach (var item in value.EnumerateArray())
            {
                Validate(items, item, $"{path}[{i++}]", errors);
            }
        }
    }

    private static bool Is(string type, JsonElement value) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => value.ValueKind == JsonValueKind.Null,
        _ => false,
    };
}
