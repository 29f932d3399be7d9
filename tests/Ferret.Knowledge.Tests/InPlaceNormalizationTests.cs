using Ferret.Events;
using Ferret.Ingest;
using Ferret.Ingest.Windows;
using Ferret.Testing;
using YamlDotNet.RepresentationModel;

namespace Ferret.Knowledge.Tests;

/// <summary>
/// A hunt normalizes the events its reader hands over in place (<see cref="KnowledgeBase.AccelerateOnce"/>), where a
/// search normalizes a copy (<see cref="KnowledgeBase.Accelerate"/>). On real events the two must not differ in any
/// field, value or field order: every alias, calculated field, extraction, event type and tag of the shipped knowledge
/// reads the same either way.
/// </summary>
public sealed class InPlaceNormalizationTests
{
    private static readonly KnowledgeBase Knowledge = KnowledgeBase.LoadDefault();

    [Fact]
    public void Every_Windows_example_of_the_ESCU_data_sources_normalizes_in_place_as_its_copy()
    {
        var folder = SharedCorpus.Require(Path.Combine("escu", "data_sources"));
        var compared = 0;
        foreach (var path in Directory.EnumerateFiles(folder, "*.yml").Order(StringComparer.Ordinal))
        {
            if (WindowsExample(path) is not { } xml || !IsWellFormedEvent(xml))
            {
                continue;
            }

            AssertSameAsCopy(() => WindowsEventMapper.FromXml(xml), Path.GetFileName(path));
            compared++;
        }

        Assert.True(compared > 50, $"only {compared} Windows examples found under {folder}");
    }

    [Fact]
    [Trait("Category", "Corpus")]
    public void Every_event_of_the_shared_EVTX_corpus_normalizes_in_place_as_its_copy()
    {
        var folder = SharedCorpus.Require("data");
        var files = Directory.EnumerateFiles(folder, "*.evtx", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var copies = Knowledge.Accelerate(InputReader.Read(files, IngestOptions.Default, new ProblemCollector()));
        var owned = Knowledge.AccelerateOnce(InputReader.Read(files, IngestOptions.Default, new ProblemCollector()));
        var compared = 0;
        foreach (var (copy, inPlace) in copies.Zip(owned))
        {
            Assert.Equal(copy.Origin, inPlace.Origin);
            Assert.True(Pairs(copy).SequenceEqual(Pairs(inPlace)), $"{inPlace.Origin}: the event normalized in place differs from its copy");
            compared++;
        }

        Assert.True(compared > 30_000, $"only {compared} events read from {folder}");
    }

    private static void AssertSameAsCopy(Func<Event> read, string where)
    {
        var copy = Knowledge.Accelerate([read()]).Single();
        var owned = read();

        var inPlace = Knowledge.AccelerateOnce([owned]).Single();

        Assert.Same(owned, inPlace);
        Assert.True(Pairs(copy).SequenceEqual(Pairs(inPlace)), $"{where}: the event normalized in place differs from its copy");
    }

    /// <summary>Some examples were cut short when the content was written; those are no event to normalize.</summary>
    private static bool IsWellFormedEvent(string xml)
    {
        try
        {
            WindowsEventMapper.FromXml(xml);
            return true;
        }
        catch (System.Xml.XmlException)
        {
            return false;
        }
    }

    private static IEnumerable<(string, FieldValue)> Pairs(Event e) => e.Fields.Select(f => (f.Key, f.Value));

    /// <summary>The data source's <c>example_log</c> when it is a Windows event's XML.</summary>
    private static string? WindowsExample(string path)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(path)));
        return yaml.Documents[0].RootNode is YamlMappingNode root
            && root.Children.TryGetValue(new YamlScalarNode("example_log"), out var node)
            && node is YamlScalarNode { Value: { } text }
            && text.TrimStart().StartsWith("<Event", StringComparison.Ordinal)
                ? text
                : null;
    }
}
