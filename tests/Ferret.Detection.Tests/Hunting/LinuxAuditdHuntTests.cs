using Ferret.Ingest;
using Ferret.Testing;
using YamlDotNet.RepresentationModel;

namespace Ferret.Detection.Tests.Hunting;

/// <summary>
/// Issue 15: a Linux audit log as text. The example record of every <c>linux_auditd_*</c> ESCU data source, one per line
/// in one file read with the data sources' sourcetype and source (as inputs.conf would set them), runs every ESCU
/// Linux auditd detection: all of them compile and run, and those whose data source example is a positive find it.
/// </summary>
public sealed class LinuxAuditdHuntTests
{
    [Fact]
    [Trait("Category", "Corpus")]
    public void The_linux_auditd_detections_run_on_the_data_sources_examples_and_find_the_positives()
    {
        var escu = SharedCorpus.Require("escu");
        var log = Path.Combine(Path.GetTempPath(), "ferret-auditd-" + Guid.NewGuid().ToString("N") + ".log");
        File.WriteAllLines(log, Directory.EnumerateFiles(Path.Combine(escu, "data_sources"), "linux_auditd_*.yml").Order(StringComparer.Ordinal).Select(ExampleLog));
        try
        {
            var ingest = new IngestOptions { SourceType = "linux:audit", Source = "/var/log/audit/audit.log" };

            var result = HuntFixture.Hunt(escu, [log], ingest, "Linux Auditd*");

            Assert.Empty(result.Summary.NotRun);
            Assert.Equal(50, result.Summary.DetectionsRun);
            Assert.Equal(6, result.Summary.EventsRead);
            Assert.Equal(
                [
                    "Linux Auditd Add User Account Type",
                    "Linux Auditd File Permission Modification Via Chmod",
                    "Linux Auditd Kernel Module Enumeration",
                    "Linux Auditd Possible Access Or Modification Of Sshd Config File",
                    "Linux Auditd Preload Hijack Library Calls",
                    "Linux Auditd Stop Services",
                ],
                result.Findings.Where(f => f.Incident is null).Select(f => f.Detection.Name).Distinct().Order(StringComparer.Ordinal));
        }
        finally
        {
            File.Delete(log);
        }
    }

    private static string ExampleLog(string path)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(path)));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        return ((YamlScalarNode)root["example_log"]).Value!.Trim();
    }
}
