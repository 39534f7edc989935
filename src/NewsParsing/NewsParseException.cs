using System.Collections.Immutable;
using NewsParsing.Model;

namespace NewsParsing;

/// <summary>Thrown in strict mode (<see cref="NewsPipelineOptions.Strict"/>) when parsing reports an error.</summary>
public sealed class NewsParseException : Exception
{
    /// <summary>Creates the exception.</summary>
    public NewsParseException()
        : this("The article could not be parsed.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public NewsParseException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public NewsParseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception from the diagnostics of a parse.</summary>
    /// <param name="diagnostics">The diagnostics; the first error becomes the message.</param>
    public NewsParseException(ImmutableArray<Diagnostic> diagnostics)
        : base(FirstError(diagnostics))
    {
        Diagnostics = diagnostics;
    }

    /// <summary>All diagnostics of the failed parse.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; } = [];

    private static string FirstError(ImmutableArray<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
        {
            if (d.Severity == DiagnosticSeverity.Error)
            {
                return $"{d.Code}: {d.Message}";
            }
        }

        return "The article could not be parsed.";
    }
}
