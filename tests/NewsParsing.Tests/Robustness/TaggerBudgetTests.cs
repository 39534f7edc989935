using NewsParsing.Entities;
using NewsParsing.Tests.Infrastructure;

namespace NewsParsing.Tests.Robustness;

/// <summary>
/// Issue 20: the entity tagger's pass over the article looks at the time budget and the token before each sentence of
/// each pass, so a huge article does not overshoot its budget by the whole pass (seconds on a 1.4 M-character one).
/// </summary>
public class TaggerBudgetTests
{
    private const string Text = "Ilham Aliyev met Emmanuel Macron in Paris. NATO officials arrived in Baku. The talks ended on Monday.";

    [Fact]
    public void Without_a_budget_or_within_it_every_sentence_is_tagged()
    {
        var (hashes, flags, sentences, count) = Prepare();
        var budget = new ParseBudget();
        budget.Start(TimeSpan.FromHours(1), new SteppingClock(TimeSpan.FromMinutes(1)), CancellationToken.None);

        var withBudget = new int[count];
        var without = new int[count];
        Tagger.Tag(hashes, flags, sentences, withBudget, new int[count], new uint[count], new NerDocumentTable(), budget).Should().Be(sentences.Length);
        Tagger.Tag(hashes, flags, sentences, without, new int[count], new uint[count], new NerDocumentTable()).Should().Be(sentences.Length);

        withBudget.Should().Equal(without);
        without.Should().Contain(t => t != 0, "the sentences name people and places");
    }

    [Fact]
    public void Past_the_budget_no_sentence_is_tagged_and_a_cancelled_token_throws()
    {
        var (hashes, flags, sentences, count) = Prepare();
        var budget = new ParseBudget();
        budget.Start(TimeSpan.FromMilliseconds(1), new SteppingClock(TimeSpan.FromMilliseconds(2)), CancellationToken.None);

        Tagger.Tag(hashes, flags, sentences, new int[count], new int[count], new uint[count], new NerDocumentTable(), budget).Should().Be(0);

        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        budget.Start(null, TimeProvider.System, cancelled.Token);
        FluentActions.Invoking(() => Tagger.Tag(hashes, flags, sentences, new int[count], new int[count], new uint[count], new NerDocumentTable(), budget))
            .Should().Throw<OperationCanceledException>();
    }

    private static NerTagger Tagger => NerTagger.Default ?? throw new InvalidOperationException("the embedded tagger is missing");

    private static (NerTokenHashes[] Hashes, GazetteerFlags[] Flags, NerSentence[] Sentences, int Count) Prepare()
    {
        var tokens = new List<NerToken>();
        NerTokenizer.Tokenize(Text, 0, Text.Length, tokens);
        var sentences = new List<NerSentence>();
        var start = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (Text[tokens[i].Start] == '.')
            {
                sentences.Add(new NerSentence(start, i + 1, false));
                start = i + 1;
            }
        }

        var hashes = new NerTokenHashes[tokens.Count];
        var flags = new GazetteerFlags[tokens.Count];
        foreach (var s in sentences)
        {
            Tagger.Prepare(Text, tokens, s.Start, s.End, hashes.AsSpan(s.Start, s.End - s.Start), flags.AsSpan(s.Start, s.End - s.Start));
        }

        return (hashes, flags, [.. sentences], tokens.Count);
    }
}
