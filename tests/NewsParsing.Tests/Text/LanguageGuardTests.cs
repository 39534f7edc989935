using System.IO.Compression;
using NewsParsing.Model;
using NewsParsing.Tests.Infrastructure;

namespace NewsParsing.Tests.Text;

/// <summary>The article's language, and the English-only stages kept off other languages.</summary>
public class LanguageGuardTests
{
    [EvalFact]
    public void Fundus_pages_get_their_language_and_only_English_ones_run_the_English_stages()
    {
        var expected = new Dictionary<string, string> { ["de"] = "de", ["tr"] = "tr", ["uk"] = "en", ["us"] = "en", ["jp"] = "en" };
        var pages = 0;
        foreach (var (region, language) in expected)
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(Paths.Eval, "html", "fundus", region), "*.html.gz"))
            {
                using var gzip = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
                var article = NewsParser.Default.ParseHtml(gzip);
                article.Language.Should().Be(language, Path.GetFileName(file));
                if (language == "en")
                {
                    article.Diagnostics.Should().NotContain(d => d.Code == DiagnosticCodes.NotEnglish);
                }
                else
                {
                    article.Diagnostics.Should().Contain(d => d.Code == DiagnosticCodes.NotEnglish, Path.GetFileName(file));
                    article.Entities.Should().BeEmpty("'İstanbul'da' and 'Bu' are not English names");
                    article.Quantities.Should().BeEmpty("'5,7' in Turkish is 5.7, which the English number reader would take for 57");
                    article.Dates.Should().BeEmpty();
                }

                pages++;
            }
        }

        pages.Should().Be(13);
    }

    [EvalFact]
    public void Reuters_AzerNews_and_seed_texts_are_English()
    {
        var texts = ReutersCorpus.WithDateline.Select(s => s.Text)
            .Concat(Directory.EnumerateFiles(Path.Combine(Paths.Eval, "azernews"), "*.txt").Select(File.ReadAllText))
            .Concat(Directory.EnumerateFiles(Paths.Seeds, "*.txt").Select(File.ReadAllText)).ToList();
        var pipeline = new NewsPipelineBuilder().WithStages(NewsStages.Language).Build();
        var languages = texts.Select(t => pipeline.Parse(t).Language ?? "undetermined").GroupBy(l => l).ToDictionary(g => g.Key, g => g.Count());
        languages.Keys.Should().BeSubsetOf(["en", "undetermined"], "no English wire story may be taken for another language");
        languages["en"].Should().BeGreaterThanOrEqualTo(texts.Count - 5, "only a few price tables may be too short to tell");
    }

    [Fact]
    public void Without_the_language_stage_every_stage_runs_on_any_text()
    {
        const string Turkish = "Türkiye'de elektrikli araç şarj istasyonu sayısı 11 bini aştı. Bu, sadece büyükşehirler için değil, Anadolu'nun farklı noktaları için de önemli bir yaygınlaşma. İstanbul'da ve Antalya'da yeni istasyonlar açıldı.";
        var guarded = NewsParser.Parse(Turkish);
        guarded.Language.Should().Be("tr");
        guarded.Diagnostics.Should().Contain(d => d.Code == DiagnosticCodes.NotEnglish);
        guarded.Entities.Should().BeEmpty();

        var unguarded = new NewsPipelineBuilder().WithoutStages(NewsStages.Language).Build().Parse(Turkish);
        unguarded.Language.Should().BeNull();
        unguarded.Diagnostics.Should().NotContain(d => d.Code == DiagnosticCodes.NotEnglish);
    }
}
