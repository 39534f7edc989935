using NewsParsing.Tests.Infrastructure;
using Xunit.Abstractions;

namespace NewsParsing.Tests;

/// <summary>The known gaps of the spec files: counted and reported, each with its reason.</summary>
public class SpecGapTests(ITestOutputHelper output)
{
    [Fact]
    public void Known_gaps_are_counted_and_reported()
    {
        var total = 0;
        foreach (var folder in SpecSuites.Folders)
        {
            var examples = SpecFile.ReadFolder(folder).ToList();
            var gaps = examples.Where(e => e.KnownGap is not null).ToList();
            examples.Should().NotBeEmpty($"the {folder} spec folder should hold examples");
            output.WriteLine($"{folder}: {examples.Count} examples, {gaps.Count} known gaps");
            foreach (var gap in gaps)
            {
                output.WriteLine($"  {gap}: {gap.KnownGap}");
                gap.KnownGap.Should().NotBeNullOrWhiteSpace();
            }

            total += gaps.Count;
        }

        output.WriteLine($"{total} known gaps in all");
    }

    [Fact]
    public void A_known_gap_without_a_reason_is_refused()
    {
        var file = Path.Combine(Path.GetTempPath(), $"gap-{Guid.NewGuid():N}.md");
        File.WriteAllText(file, "# X\n\n```article\nText.\n```\n```expected known-gap\n(no dates)\n```\n");
        try
        {
            FluentActions.Invoking(() => SpecFile.Read(file).ToList()).Should().Throw<InvalidDataException>();
        }
        finally
        {
            File.Delete(file);
        }
    }
}
