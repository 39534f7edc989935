#if NET9_0_OR_GREATER // JsonSchemaExporter is .NET 9+; the net8.0 tool prints the committed file's address instead
using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;

namespace NewsParsing.Cli;

/// <summary>
/// The JSON Schema of the output, generated from the record types (<see cref="ArticleRecord"/>,
/// <see cref="ErrorRecord"/>) with <see cref="JsonSchemaExporter"/>: what <c>newsparse schema</c> prints and what
/// <c>docs/newsparse.schema.json</c> holds (a test fails when they differ). A line is an article or an error record.
/// </summary>
internal static class NewsparseSchema
{
    private static readonly string DatePattern = @"^-?\d{4}-\d{2}-\d{2}$";

    public static string Generate()
    {
        var options = NewsparseJsonContext.Default.Options;
        var exporter = new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = Transform,
        };
        var article = options.GetJsonSchemaAsNode(typeof(ArticleRecord), exporter);
        var error = options.GetJsonSchemaAsNode(typeof(ErrorRecord), exporter);
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = "https://github.com/newsparsing/newsparsing/docs/newsparse.schema.json",
            ["title"] = "newsparse output line",
            ["description"] = "One line of `newsparse parse` output (JSON Lines): a parsed article, or in --input-format jsonl an error record for a line that gave none. Generated from the record types (src/NewsParsing.Cli/ArticleRecord.cs) by `newsparse schema`; do not edit.",
            ["anyOf"] = new JsonArray(new JsonObject { ["$ref"] = "#/$defs/article" }, new JsonObject { ["$ref"] = "#/$defs/error" }),
            ["$defs"] = new JsonObject { ["article"] = article, ["error"] = error },
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }).ReplaceLineEndings("\n") + "\n";
    }

    private static JsonNode Transform(JsonSchemaExporterContext context, JsonNode schema)
    {
        var type = context.TypeInfo.Type;
        var nullable = Nullable.GetUnderlyingType(type) is not null;
        var core = Nullable.GetUnderlyingType(type) ?? type;
        if (core == typeof(TextSlice))
        {
            schema = new JsonObject { ["type"] = "string" };
        }
        else if (core == typeof(IsoDate))
        {
            schema = new JsonObject { ["type"] = nullable ? new JsonArray("string", "null") : "string", ["pattern"] = DatePattern };
        }

        if (schema is JsonObject obj)
        {
            if (context.TypeInfo.Kind == System.Text.Json.Serialization.Metadata.JsonTypeInfoKind.Object && context.PropertyInfo is null && obj["properties"] is JsonObject properties)
            {
                // Required: every property written always (those not omitted when null).
                var required = new JsonArray();
                foreach (var p in context.TypeInfo.Properties)
                {
                    var optional = p.AttributeProvider?.GetCustomAttributes(typeof(System.Text.Json.Serialization.JsonIgnoreAttribute), false).Length > 0;
                    if (!optional && properties.ContainsKey(p.Name))
                    {
                        required.Add(p.Name);
                    }
                }

                obj["required"] = required;
            }

            if (context.PropertyInfo?.AttributeProvider?.GetCustomAttributes(typeof(DescriptionAttribute), false) is [DescriptionAttribute d, ..])
            {
                obj.Insert(0, "description", d.Description);
            }
            else if (context.PropertyInfo is null && context.TypeInfo.Type.GetCustomAttributes(typeof(DescriptionAttribute), false) is [DescriptionAttribute t, ..])
            {
                obj.Insert(0, "description", t.Description);
            }
        }

        return schema;
    }
}
#endif
