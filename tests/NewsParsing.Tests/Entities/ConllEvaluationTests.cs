using System.Globalization;
using NewsParsing.Entities;
using NewsParsing.Tests.Infrastructure;
using Xunit.Abstractions;

namespace NewsParsing.Tests.Entities;

/// <summary>
/// The shipped tagger over CoNLL-2003 <c>valid.txt</c> (eng.testa, the dev split it was tuned on), scored exactly as
/// conlleval scores: entity-level exact match, per type and overall precision, recall and F1.
/// </summary>
public class ConllEvaluationTests(ITestOutputHelper output)
{
    [EvalFact]
    public void The_tagger_reaches_its_floor_on_conll_valid()
    {
        NerTagger.Default.Should().NotBeNull("the trained weights ship as an embedded resource");
        var valid = ConllCorpus.ReadDocuments(Path.Combine(Paths.Eval, "conll2003", "valid.txt")).Select(d => NerDocument.Prepare(d)).ToList();
        var scores = ConllCorpus.Score(ConllCorpus.Predict(NerTagger.Default!, valid));
        foreach (var (type, s) in scores)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{type,-8} P {s.P:F2} R {s.R:F2} F1 {s.F1:F2} (gold {s.Gold}, found {s.Found}, correct {s.Correct})"));
        }

        scores["overall"].F1.Should().BeGreaterThan(88.5, "measured 88.78 on valid");
        scores["PER"].F1.Should().BeGreaterThan(90.0);
        scores["LOC"].F1.Should().BeGreaterThan(92.0);
    }

    [Fact]
    public void The_scorer_counts_exact_entity_matches_like_conlleval()
    {
        // gold: B-PER I-PER O B-LOC ; predicted: B-PER O O B-LOC -> 1 of 2 found correct, 1 of 2 gold found
        var scores = ConllCorpus.Score([([1, 2, 0, 3], [1, 0, 0, 3])]);
        scores["overall"].Correct.Should().Be(1);
        scores["overall"].Found.Should().Be(2);
        scores["overall"].Gold.Should().Be(2);
        scores["overall"].F1.Should().BeApproximately(50, 0.001);
    }
}
