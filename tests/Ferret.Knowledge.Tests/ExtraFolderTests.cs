using Ferret.Events;
using Ferret.Knowledge.Compilation;

namespace Ferret.Knowledge.Tests;

/// <summary>A new source is a data file in a folder, no code (docs/knowledge.md, "Adding a source").</summary>
public sealed class ExtraFolderTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ferret-knowledge-" + Guid.NewGuid().ToString("N"));

    public ExtraFolderTests()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "sources"));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_source_file_in_an_extra_folder_puts_a_new_edr_in_endpoint_processes()
    {
        File.WriteAllText(Path.Combine(_folder, "sources", "my-edr.yml"), """
            name: my-edr
            applies_to:
              - sourcetype: my:edr:json
            precedence: 20
            aliases:
              - hostname AS dest
            calculated:
              process_name: 'mvindex(split(exe, "\\"), -1)'
              process: 'cmdline'
            eventtypes:
              - name: my_edr_process_start
                search: type=process_start
                tags: [process, report]
            """);
        var knowledge = KnowledgeBase.Load([_folder], new EngineKnowledgeCompiler());
        Assert.Empty(knowledge.Problems);

        var e = new Event { SourceType = "my:edr:json", Source = "edr", Time = 1 };
        e.Set("type", "process_start");
        e.Set("hostname", "ws-1");
        e.Set("exe", @"C:\Windows\System32\wbem\WMIC.exe");
        e.Set("cmdline", "wmic process call create calc");
        Assert.True(knowledge.DataModels.Resolve("Endpoint.Processes")!.TryProject(e, out var projected));
        Assert.Equal("WMIC.exe", projected["Processes.process_name"].Text);
        Assert.Equal("ws-1", projected["Processes.dest"].Text);
    }

    [Fact]
    public void A_file_named_like_a_shipped_one_replaces_it()
    {
        File.WriteAllText(Path.Combine(_folder, "sources", "pingid.yml"), """
            name: pingid-local
            applies_to:
              - source: PINGID
            calculated:
              vendor_product: '"PingID, locally tuned"'
            """);
        var knowledge = KnowledgeBase.Load([_folder], new EngineKnowledgeCompiler());
        Assert.Equal(["pingid-local"], knowledge.SourceNamesFor("PINGID", "_json"));
    }
}
