namespace NewsParsing.Tests.Infrastructure;

/// <summary>A fact that needs <c>../shared/eval</c>; it is skipped with a clear message when the folder is absent.</summary>
public sealed class EvalFactAttribute : FactAttribute
{
    /// <summary>Creates the attribute.</summary>
    public EvalFactAttribute()
    {
        if (!Paths.EvalAvailable)
        {
            Skip = $"Evaluation data not found at {Paths.Eval}: clone the project beside its shared/ folder to run real-corpus evaluations.";
        }
    }
}
