using System.Reflection;

namespace NewsParsing;

/// <summary>Opens the linguistic data files embedded in the assembly (see <c>*.data.json</c> next to each stage).</summary>
internal static class EmbeddedData
{
    /// <summary>Opens an embedded resource by its path relative to the project, with dots for folders.</summary>
    /// <param name="relativeName">For example <c>Agencies.agencies.data.json</c>.</param>
    public static Stream Open(string relativeName)
    {
        var name = "NewsParsing." + relativeName.Replace('/', '.');
        return typeof(EmbeddedData).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource '{name}' is missing from the NewsParsing assembly.");
    }

    /// <summary>Reads an embedded text resource whole.</summary>
    /// <param name="relativeName">For example <c>Temporal.months.data.json</c>.</param>
    public static string ReadText(string relativeName)
    {
        using var stream = Open(relativeName);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
