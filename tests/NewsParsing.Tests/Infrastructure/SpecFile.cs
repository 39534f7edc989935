using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace NewsParsing.Tests.Infrastructure;

/// <summary>A spec example as xunit theory data (serialisable, so each example is its own test case).</summary>
public sealed class SpecExample : IXunitSerializable
{
    /// <summary>For the serializer.</summary>
    public SpecExample()
    {
    }

    /// <summary>Wraps a spec case of <paramref name="folder"/>.</summary>
    public SpecExample(string folder, SpecCase @case)
    {
        Folder = folder;
        Case = @case;
    }

    /// <summary>The spec folder (suite).</summary>
    public string Folder { get; private set; } = "";

    /// <summary>The example.</summary>
    public SpecCase Case { get; private set; } = null!;

    /// <inheritdoc />
    public void Deserialize(IXunitSerializationInfo info)
    {
        Folder = info.GetValue<string>(nameof(Folder));
        var file = info.GetValue<string>(nameof(SpecCase.File));
        var line = info.GetValue<int>(nameof(SpecCase.Line));
        Case = SpecFile.Read(Path.Combine(Paths.Specs, file)).Single(c => c.Line == line);
    }

    /// <inheritdoc />
    public void Serialize(IXunitSerializationInfo info)
    {
        info.AddValue(nameof(Folder), Folder);
        info.AddValue(nameof(SpecCase.File), Case.File);
        info.AddValue(nameof(SpecCase.Line), Case.Line);
    }

    /// <summary>Parses the example with its suite's pipeline.</summary>
    public Model.NewsArticle Parse() => SpecSuites.Parse(Folder, Case);

    /// <summary>
    /// Checks the output against the expectation: equal for an ordinary example; for a known gap, still different —
    /// when the code starts to meet a known gap the test fails and asks for the marker to go, so gaps never linger.
    /// </summary>
    public void Check(Model.NewsArticle article)
    {
        ArticleInvariants.Check(article);
        var actual = SpecSuites.Dump(Folder, article);
        if (Case.KnownGap is { } reason)
        {
            actual.Should().NotBe(Case.Expected, $"{Case} is marked as a known gap ({reason}) but the output now meets it: remove the '{SpecFile.KnownGapMarker}' marker");
        }
        else
        {
            actual.Should().Be(Case.Expected, Case.ToString());
        }
    }

    /// <inheritdoc />
    public override string ToString() => Case.KnownGap is null ? Case.ToString() : Case + " (known gap)";
}

/// <summary>Supplies the examples of the spec files in a folder as theory data.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SpecDataAttribute : DataAttribute
{
    /// <summary>Creates the attribute for the spec files in <paramref name="folder"/> (relative to <c>Specs/</c>).</summary>
    public SpecDataAttribute(string folder)
    {
        Folder = folder;
    }

    /// <summary>The folder of spec files.</summary>
    public string Folder { get; }

    /// <inheritdoc />
    public override IEnumerable<object[]> GetData(MethodInfo testMethod)
    {
        foreach (var example in SpecFile.ReadFolder(Folder))
        {
            yield return [new SpecExample(Folder, example)];
        }
    }
}
