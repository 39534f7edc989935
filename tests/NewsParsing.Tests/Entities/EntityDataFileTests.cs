using System.IO.Compression;
using System.Text;

namespace NewsParsing.Tests.Entities;

/// <summary>
/// The word clusters and the large gazetteer built by <c>src/NewsParsing.Training</c> (<c>clusters</c> and
/// <c>gazetteers</c>, docs/entities.md) and embedded in the library for the tagger's features: their provenance
/// headers, their format, and properties of their content that a broken build would lose.
/// </summary>
public class EntityDataFileTests
{
    private static readonly Lazy<(string[] Header, Dictionary<string, (string Path, int Count)> Words)> Clusters = new(() =>
    {
        var (header, rows) = Read("Entities.word-clusters.data.gz");
        var words = new Dictionary<string, (string, int)>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            words.Add(row[0], (row[1], int.Parse(row[2], System.Globalization.CultureInfo.InvariantCulture)));
        }

        return (header, words);
    });

    private static readonly Lazy<(string[] Header, List<string[]> Rows)> Gazetteer = new(() => Read("Entities.gazetteer-large.data.gz"));

    [Fact]
    public void Both_files_start_with_their_sources_and_licences()
    {
        var clusters = Clusters.Value.Header[0];
        clusters.Should().StartWith("# source:").And.Contain("; licence:")
            .And.Contain("Reuters-21578").And.Contain("AzerNews").And.Contain("WikiText-2").And.Contain("CC BY-SA 3.0").And.Contain("CoNLL-2003 eng.train");
        clusters.Should().NotContain("eng.testa", "CoNLL valid (eng.testa) is the dev set the tagger is scored on").And.NotContain("valid.txt");

        var gazetteer = Gazetteer.Value.Header[0];
        gazetteer.Should().StartWith("# source:").And.Contain("; licence:").And.Contain("GeoNames").And.Contain("CC BY 4.0").And.Contain("public domain");
    }

    [Fact]
    public void Cluster_lines_are_words_with_bit_paths_and_counts_sorted_by_word()
    {
        var (header, words) = Clusters.Value;
        header.Should().HaveCount(2);
        words.Should().ContainKey("#", "a word may start with '#': only '# ' starts a header line");
        header[1].Should().Contain("clusters=1000").And.Contain("min-count=3");
        words.Count.Should().BeGreaterThan(30_000);
        words.Keys.Should().BeInAscendingOrder(StringComparer.Ordinal);
        words.Values.Should().OnlyContain(v => v.Path.Length > 0 && v.Path.All(c => c == '0' || c == '1') && v.Count >= 3);
        words.Values.Select(v => v.Path).Distinct().Count().Should().Be(1000, "C = 1000 clusters, one path each");
        words["said"].Count.Should().BeGreaterThan(50_000);
    }

    [Fact]
    public void Words_used_alike_share_long_path_prefixes_and_unrelated_words_do_not()
    {
        string[] weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
        foreach (var a in weekdays)
        {
            foreach (var b in weekdays)
            {
                Shared(a, b).Should().BeGreaterThanOrEqualTo(8, $"{a} and {b} are both weekdays");
            }
        }

        Shared("Monday", "Baku").Should().BeLessThanOrEqualTo(4);
        Shared("January", "February").Should().BeGreaterThanOrEqualTo(6);
        Shared("January", "Monday").Should().BeLessThanOrEqualTo(2);
        Shared("Baku", "London").Should().BeGreaterThanOrEqualTo(8);
        Shared("Azerbaijan", "Armenia").Should().BeGreaterThanOrEqualTo(8);
        Shared("Aliyev", "Reagan").Should().BeGreaterThan(Shared("Aliyev", "Baku"), "a surname is nearer another surname than a city");
        Shared("Inc", "Corp").Should().BeGreaterThanOrEqualTo(8);
        Shared("said", "told").Should().BeGreaterThan(Shared("said", "Baku"));
    }

    [Fact]
    public void Gazetteer_lines_are_distinct_names_with_known_flags_sorted_ordinal()
    {
        var (header, rows) = Gazetteer.Value;
        header[1].Should().Contain("names=");
        rows.Should().OnlyContain(r => r.Length == 2 && r[0].Length >= 2);
        rows.Select(r => r[0]).Should().BeInAscendingOrder(StringComparer.Ordinal);
        rows.Select(r => r[0].ToLowerInvariant()).Should().OnlyHaveUniqueItems("names are distinct as the runtime gazetteer keys them, lower-cased");
        string[] known = ["CITY", "REGION", "COUNTRY", "GIVEN", "SURNAME", "COMPANY"];
        rows.SelectMany(r => r[1].Split(',')).Distinct().Should().BeSubsetOf(known);
        rows.Should().HaveCountGreaterThan(100_000);
        foreach (var flag in known)
        {
            rows.Count(r => r[1].Split(',').Contains(flag)).Should().BeGreaterThan(flag == "COUNTRY" ? 240 : 4000, flag);
        }
    }

    [Theory]
    [InlineData("Baku", "CITY")]
    [InlineData("Tbilisi", "CITY")]
    [InlineData("Munich", "CITY")]
    [InlineData("Cologne", "CITY")] // an English exonym among GeoNames' alternate names of Köln
    [InlineData("Azerbaijan", "COUNTRY")]
    [InlineData("Georgia", "COUNTRY")]
    [InlineData("Smith", "SURNAME")]
    [InlineData("John", "GIVEN")]
    [InlineData("Microsoft", "COMPANY")]
    [InlineData("Apple", "COMPANY")]
    [InlineData("Alphabet", "COMPANY")]
    [InlineData("Goldman Sachs", "COMPANY")] // "Goldman Sachs Group, Inc." without its suffixes
    public void Gazetteer_knows(string name, string flag)
    {
        var row = Gazetteer.Value.Rows.SingleOrDefault(r => string.Equals(r[0], name, StringComparison.OrdinalIgnoreCase));
        row.Should().NotBeNull($"{name} is in the gazetteer");
        row![1].Split(',').Should().Contain(flag);
    }

    [Fact]
    public void Company_names_lost_their_legal_suffixes_and_common_words_are_not_places()
    {
        var rows = Gazetteer.Value.Rows;
        rows.Where(r => r[1].Contains("COMPANY", StringComparison.Ordinal))
            .Where(r => r[0].EndsWith(" Inc", StringComparison.OrdinalIgnoreCase) || r[0].EndsWith(" Inc.", StringComparison.OrdinalIgnoreCase)
                || r[0].EndsWith(" Corp", StringComparison.OrdinalIgnoreCase) || r[0].EndsWith(" Ltd", StringComparison.OrdinalIgnoreCase)
                || r[0].EndsWith(" PLC", StringComparison.OrdinalIgnoreCase) || r[0].Contains("/DE", StringComparison.Ordinal))
            .Select(r => r[0]).Should().BeEmpty();

        // GeoNames lists "From", "But" and "Market" among some places' names in other languages.
        string[] everyday = ["From", "But", "Market", "She", "Of"];
        rows.Where(r => everyday.Contains(r[0], StringComparer.OrdinalIgnoreCase) && r[1].Contains("CITY", StringComparison.Ordinal)).Should().BeEmpty();
    }

    private static int Shared(string a, string b)
    {
        var words = Clusters.Value.Words;
        words.Should().ContainKey(a);
        words.Should().ContainKey(b);
        return words[a].Path.AsSpan().CommonPrefixLength(words[b].Path);
    }

    private static (string[] Header, List<string[]> Rows) Read(string resource)
    {
        using var stream = EmbeddedData.Open(resource);
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        var header = new List<string>();
        var rows = new List<string[]>();
        while (reader.ReadLine() is { } line)
        {
            if (rows.Count == 0 && line.StartsWith("# ", StringComparison.Ordinal))
            {
                header.Add(line); // "#" alone is a word of the clusters: a header line is "# " then text
            }
            else
            {
                rows.Add(line.Split('\t'));
            }
        }

        return (header.ToArray(), rows);
    }
}
