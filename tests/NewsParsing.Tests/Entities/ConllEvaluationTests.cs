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

        scores["overall"].F1.Should().BeGreaterThan(92.0, "measured 92.36 on valid");
        scores["PER"].F1.Should().BeGreaterThan(94.5);
        scores["LOC"].F1.Should().BeGreaterThan(94.0);
    }

    /// <summary>
    /// The whole pipeline over each valid.txt document as an article (its sentences as paragraphs: headline, dateline,
    /// body), the entities mapped back to the tokens they cover: what a user of <see cref="NewsParser"/> gets, with the
    /// segmenter, the rules and the linking on top of the tagger. Library types map to CoNLL's as in
    /// <see cref="NewsGoldEntityTests.Conll"/>.
    /// </summary>
    [EvalFact]
    public void The_pipeline_reaches_its_floor_on_conll_valid()
    {
        var pipeline = new NewsPipelineBuilder().WithStages(NewsStages.Entities | NewsStages.Language).Build();
        // CONLL_ERRORS=FILE writes the pipeline's misses and false finds on valid.txt there.
        var errorsPath = Environment.GetEnvironmentVariable("CONLL_ERRORS");
        using var errors = errorsPath is null ? null : new StreamWriter(errorsPath);
        var pairs = new List<(int[] Gold, int[] Predicted)>();
        var text = new System.Text.StringBuilder();
        foreach (var document in ConllCorpus.ReadDocuments(Path.Combine(Paths.Eval, "conll2003", "valid.txt")))
        {
            text.Clear();
            var offsets = new int[document.Count];
            for (var k = 0; k < document.Count; k++)
            {
                offsets[k] = text.Length;
                text.Append(document[k].Text).Append("\n\n");
            }

            var article = pipeline.Parse(text.ToString());
            for (var k = 0; k < document.Count; k++)
            {
                var sentence = document[k];
                var predicted = new int[sentence.Tokens.Count];
                foreach (var entity in article.Entities)
                {
                    var type = NewsGoldEntityTests.Conll(entity.Type) switch { "PER" => 1, "LOC" => 2, "ORG" => 3, _ => 4 };
                    var first = true;
                    for (var i = 0; i < sentence.Tokens.Count; i++)
                    {
                        var (start, end) = (offsets[k] + sentence.Tokens[i].Start, offsets[k] + sentence.Tokens[i].End);
                        if (start >= entity.Span.Start && end <= entity.Span.End && predicted[i] == 0)
                        {
                            predicted[i] = first ? (2 * type) - 1 : 2 * type;
                            first = false;
                        }
                    }
                }

                pairs.Add((sentence.Gold, predicted));
                if (errors is not null)
                {
                    var gold = ConllCorpus.Chunks(sentence.Gold).ToHashSet();
                    var found = ConllCorpus.Chunks(predicted).ToHashSet();
                    string Words((int Start, int End, int Type) c) => $"{c.Type}\t{sentence.Text[sentence.Tokens[c.Start].Start..sentence.Tokens[c.End - 1].End]}";
                    foreach (var c in gold.Except(found))
                    {
                        errors.WriteLine($"missed\t{Words(c)}\t{sentence.Text}");
                    }

                    foreach (var c in found.Except(gold))
                    {
                        errors.WriteLine($"false\t{Words(c)}\t{sentence.Text}");
                    }
                }
            }
        }

        var scores = ConllCorpus.Score(pairs);
        foreach (var (type, s) in scores)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pipeline {type,-8} P {s.P:F2} R {s.R:F2} F1 {s.F1:F2} (gold {s.Gold}, found {s.Found}, correct {s.Correct})"));
        }

        scores["overall"].F1.Should().BeGreaterThan(91.2, "measured 91.63 through the pipeline");
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
