using NewsParsing.Tests.Infrastructure;

namespace NewsParsing.Tests.Robustness;

/// <summary>One pipeline shared by many threads gives exactly the results of sequential parsing.</summary>
public class ThreadSafetyTests
{
    [Fact]
    public void Thousands_of_parallel_parses_equal_the_sequential_results()
    {
        var texts = Directory.EnumerateFiles(Paths.Seeds, "*.txt").Select(File.ReadAllText).ToList();
        if (Paths.EvalAvailable)
        {
            texts.AddRange(Directory.EnumerateFiles(Path.Combine(Paths.Eval, "azernews"), "*.txt").Select(File.ReadAllText));
            texts.AddRange(ReutersCorpus.WithDateline.Take(200).Select(s => s.Text));
        }

        var pipeline = new NewsPipelineBuilder().WithReferenceDate(new NodaTime.LocalDate(1987, 3, 1)).Build();
        var expected = texts.Select(t => Render(pipeline.Parse(t))).ToArray();

        const int Parses = 4000;
        var mismatches = 0;
        Parallel.For(0, Parses, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(4, Environment.ProcessorCount * 2) }, i =>
        {
            var k = (int)((uint)(i * 2654435761u) % (uint)texts.Count);
            if (Render(pipeline.Parse(texts[k])) != expected[k])
            {
                Interlocked.Increment(ref mismatches);
            }
        });

        mismatches.Should().Be(0);
    }

    private static string Render(Model.NewsArticle a) =>
        Dumps.Segmentation(a)
        + string.Join('|', a.Dates.Select(d => $"{d.Span}{d.Text}={d.Value}/{d.Modifier}/{d.Range}"))
        + string.Join('|', a.Quantities.Select(q => $"{q.Span}{q.Text}={q.Value}/{q.Min}/{q.Max}/{q.Modifier}/{q.Kind}/{q.Unit}/{q.CountedHead}/{q.Members.Length}"))
        + string.Join('|', a.Entities.Select(e => $"{e.Span}{e.Text}={e.Type}/{e.Canonical}/{e.Id}/{e.Title}/{e.CountryCode}"))
        + string.Join('|', a.Diagnostics.Select(d => $"{d.Code}{d.Span}{d.Message}"));
}
