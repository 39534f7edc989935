using NewsParsing.Entities;

namespace NewsParsing.Tests.Entities;

/// <summary>
/// The tagger's parts (docs/entities.md "The tagger"): word clusters and the large gazetteer as its features read them,
/// the document features of the second pass, and the weights' file format.
/// </summary>
public class NerTaggerTests
{
    [Fact]
    public void Words_used_alike_get_the_same_cluster_prefixes_and_capitals_fall_back_to_the_usual_form()
    {
        var clusters = WordClusters.Default;
        clusters.Count.Should().BeGreaterThan(30_000);
        clusters.Clusters.Should().Be(1000);
        clusters.Find("Monday").Should().Be(clusters.Find("Tuesday"), "the weekdays share one path");
        clusters.Find("Monday").P10.Should().NotBe(clusters.Find("Baku").P10);
        clusters.Find("Baku").P4.Should().Be(clusters.Find("London").P4);
        clusters.Find("BAKU").Should().Be(clusters.Find("Baku"), "an all-capitals word not in the file takes its usual form's cluster");
        clusters.Find("AZERBAIJAN").Should().Be(clusters.Find("Azerbaijan"));
        clusters.Find("Baku").Should().NotBe(WordClusters.Unknown);
        clusters.Find("MONDAY").Should().NotBe(clusters.Find("Monday"), "a written form in the file keeps its own cluster");
        clusters.Find("Xqzvbtrw").Should().Be(WordClusters.Unknown);
        clusters.Find("xqzvbtrw").Should().Be(WordClusters.Unknown);
    }

    [Fact]
    public void The_large_gazetteer_knows_multi_word_names_and_names_that_are_also_words()
    {
        var names = LargeGazetteer.Default;
        names.Count.Should().BeGreaterThan(170_000);
        names.Lookup("Paris").Should().HaveFlag(NameFlags.City).And.HaveFlag(NameFlags.Given);
        names.Lookup("New York").Should().HaveFlag(NameFlags.City);
        names.Lookup("new york").Should().HaveFlag(NameFlags.City, "names are keyed by their lower-cased tokens");
        names.Lookup("Azerbaijan").Should().HaveFlag(NameFlags.Country);
        names.Lookup("May").Should().HaveFlag(NameFlags.Given, "a name that is also a word is a feature, not a decision");
        names.Lookup("Xqzvbtrw").Should().Be(NameFlags.None);
        names.Lookup("Buenos Aires").Should().HaveFlag(NameFlags.City);
        names.Lookup("Buenos").Should().Be(NameFlags.None, "a prefix of a name is not a name");
    }

    [Fact]
    public void Gazetteer_codes_mark_the_longest_name_from_a_capital_with_its_begin_inside_and_unit_tokens()
    {
        var text = "Mayor of New York City met Paris Hilton and may meet Apple";
        var codes = Codes(text);
        Place(codes[2]).Should().Be(LargeGazetteer.Begin, "New York City is one name");
        Place(codes[3]).Should().Be(LargeGazetteer.Inside);
        Place(codes[4]).Should().Be(LargeGazetteer.Inside);
        ((NameFlags)(codes[2] & 0x3F)).Should().HaveFlag(NameFlags.City);
        Place(codes[6]).Should().Be(LargeGazetteer.Unit, "Paris is a name of its own");
        codes[9].Should().Be(0u, "a lower-case word starts no name");
        Place(codes[11]).Should().Be(LargeGazetteer.Unit);
    }

    [Fact]
    public void The_second_pass_sees_what_the_first_pass_said_about_the_word_elsewhere_in_the_document()
    {
        // Sentence 0 "Hasanov met Aliyev ." ; sentence 1 "HASANOV WINS" (a headline) ; sentence 2 "Hasanov left will ."
        string[][] sentences = [["Hasanov", "met", "Aliyev", "."], ["HASANOV", "WINS", "AGAIN", "TODAY"], ["They", "said", "Hasanov", "will", "."]];
        var document = NerDocument.Prepare([.. sentences.Select(s => ConllCorpus.Sentence(s, [.. s.Select(_ => "O")]))], 1f);
        var firstPass = new int[document.Tokens];
        firstPass[0] = 1; // Hasanov: B-PER
        firstPass[2] = 1; // Aliyev: B-PER
        firstPass[10] = 1; // Hasanov: B-PER
        NerDocumentFeatures.Compute(document.Hashes, firstPass, new uint[document.Tokens], document.Sentences, new NerDocumentTable());
        var headline = document.Hashes[4];
        headline.FirstPass.Should().Be(1u, "the first pass said O (tag 0, stored plus one)");
        headline.DocumentLabel.Should().Be(1 + (1 * 3) + 2u, "both other Hasanovs are PER: unanimous");
        headline.DocumentHistory.Should().Be(1 + (1 * 3) + 2u, "the earlier one is PER");
        document.Hashes[0].DocumentHistory.Should().Be(0u, "nothing comes before the first");
        document.Hashes[0].DocumentLabel.Should().Be(1 + (1 * 3) + 0u, "PER once and O once elsewhere: a plurality, names first on ties");
        // Case: sentence-initial "Hasanov" (own case 1) sees a capitalised mid-sentence Hasanov elsewhere (bit 1).
        document.Hashes[0].DocumentCase.Should().Be(1 + (1 * 4) + 1u);
        document.Hashes[1].DocumentCase.Should().Be(1 + (3 * 4) + 0u, "'met' is lower case and seen nowhere else");
        document.Hashes[3].DocumentLabel.Should().Be(0u, "punctuation takes no part");
    }

    [Fact]
    public void The_weights_round_trip_through_their_file_format()
    {
        var tagger = NerTagger.Default!;
        using var buffer = new MemoryStream();
        tagger.Save(buffer);
        buffer.Position = 0;
        var copy = NerTagger.Load(buffer);
        copy.First.Rows.Should().Be(tagger.First.Rows);
        copy.First.Features.Should().Be(tagger.First.Features);
        copy.Second!.Rows.Should().Be(tagger.Second!.Rows);
        copy.Second.HashSeed.Should().Be(tagger.Second.HashSeed);

        var document = NerDocument.Prepare([ConllCorpus.Sentence(["Zakir", "Hasanov", "met", "NATO", "officials", "in", "Brussels", "."], [.. Enumerable.Repeat("O", 8)])]);
        ConllCorpus.Predict(copy, [document]).Single().Predicted.Should().Equal(ConllCorpus.Predict(tagger, [document]).Single().Predicted);
        ConllCorpus.Predict(tagger, [document]).Single().Predicted.Should().Equal([1, 2, 0, 5, 0, 0, 3, 0]);
    }

    private static uint[] Codes(string text)
    {
        var tokens = new List<NerToken>();
        NerTokenizer.Tokenize(text, 0, text.Length, tokens);
        var hashes = new NerTokenHashes[tokens.Count];
        LargeGazetteer.Default.Match(text, tokens, 0, tokens.Count, hashes);
        return [.. hashes.Select(h => h.Names)];
    }

    private static uint Place(uint code) => code & LargeGazetteer.Unit;
}
