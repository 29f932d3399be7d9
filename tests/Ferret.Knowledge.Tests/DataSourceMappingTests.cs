using Ferret.Ingest.Windows;
using Ferret.Testing;
using YamlDotNet.RepresentationModel;

namespace Ferret.Knowledge.Tests;

/// <summary>
/// ESCU's data source files give, for some sources, an example record and the CIM dataset fields that
/// Splunk's add-on fills from it (<c>field_mappings</c>). Each example, read by Ferret's Windows mapper and
/// projected by the shipped knowledge, must land in that dataset with every one of those fields.
/// </summary>
public sealed class DataSourceMappingTests
{
    [Theory]
    [InlineData("sysmon_eventid_1.yml")]
    [InlineData("sysmon_eventid_11.yml")]
    [InlineData("sysmon_eventid_13.yml")]
    [InlineData("windows_event_log_security_4688.yml")]
    public void Example_record_gets_every_field_the_data_source_maps_to_its_dataset(string fileName)
    {
        var path = SharedCorpus.Require(Path.Combine("escu", "data_sources", fileName));
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(path)));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var example = ((YamlScalarNode)root["example_log"]).Value!;
        var mapping = ((YamlSequenceNode)root["field_mappings"]).Children.OfType<YamlMappingNode>()
            .First(m => m.Children.ContainsKey(new YamlScalarNode("data_set")));
        var dataset = ((YamlScalarNode)mapping["data_set"]).Value!;
        var fields = ((YamlMappingNode)mapping["mapping"]).Children.Values.OfType<YamlScalarNode>().Select(v => v.Value!).Distinct();

        var e = WindowsEventMapper.FromXml(example);
        var view = KnowledgeBase.LoadDefault().DataModels.Resolve(dataset);
        Assert.NotNull(view);
        Assert.True(view.TryProject(e, out var projected), $"{fileName}: the example is not in {dataset}");
        foreach (var field in fields)
        {
            Assert.True(projected[field].Text is { Length: > 0 }, $"{fileName}: {field} is missing from the projection");
        }
    }
}
