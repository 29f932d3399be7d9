using System.Text;
using Ferret.Detection.Hunting;
using Ferret.Testing;

namespace Ferret.Detection.Tests.Hunting;

/// <summary>
/// Every active ESCU detection over evtx-attack-samples (277 files, 8,255 records): pins the findings (the timeline's
/// CSV, one line each, with the file and record behind each) and the detections that could not run with their
/// reasons. Takes a minute or two.
/// </summary>
public sealed class EscuHuntGoldenTests
{
    [Fact]
    [Trait("Category", "Corpus")]
    public void ESCU_over_evtx_attack_samples_gives_the_pinned_findings_and_lists_what_could_not_run()
    {
        var samples = SharedCorpus.Require("data/evtx-attack-samples");

        var result = HuntFixture.EscuOverEvtxAttackSamples();

        var text = new StringBuilder();
        using (var writer = new StringWriter(text))
        {
            FindingWriter.WriteCsv(writer, Timeline.Order(result.Findings, TimelineOrder.Time), new TimelineOptions());
            writer.WriteLine();
            writer.WriteLine($"could not run: {result.Summary.NotRun.Count}");
            foreach (var issue in result.Summary.NotRun)
            {
                writer.WriteLine($"{issue.Detection}: {issue.Reason}");
            }
        }

        Assert.Equal(8255, result.Summary.EventsRead);
        Assert.All(result.Summary.NotRun, issue => Assert.False(string.IsNullOrWhiteSpace(issue.Reason)));
        GoldenFile.AssertMatches(
            "tests/Ferret.Detection.Tests/Golden",
            "escu-evtx-attack-samples.txt",
            text.ToString().Replace(samples, "<evtx-attack-samples>", StringComparison.Ordinal).Replace("\r\n", "\n", StringComparison.Ordinal));
    }
}
