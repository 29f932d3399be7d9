using Ferret.Content;
using Ferret.Detection.Hunting;
using Ferret.Detection.Risk;
using Ferret.Detection.RiskAlerting;
using Ferret.Detection.Tests.Notables;
using Ferret.Engine.Execution;
using Ferret.Events;
using Ferret.Ingest;
using Ferret.Knowledge;
using Ferret.Testing;

namespace Ferret.Detection.Tests.Hunting;

/// <summary>A hunt over files keeps its findings' evidence as where each event was read from (<see cref="FindingEvidence"/>)
/// and reads the events again only to show them: what is shown must be the events the detection saw, two findings behind
/// one event must count it once, and an event whose file changed before it is shown must be reported.</summary>
public sealed class FindingEvidenceTests() : KeptEventsTestBase("ferret-evidence-")
{
    [Fact]
    public void Evidence_kept_as_origins_holds_no_event_and_shows_the_events_it_was_made_from()
    {
        var (keeping, problems) = Keeping();
        var read = ReadNormalized(CopyOfEvtx());

        var evidence = FindingEvidence.Keep(read, keeping);
        var shown = evidence.Events();

        Assert.Equal(read.Count, evidence.Count);
        Assert.Equal(read.Select(Text), shown.Select(Text));
        Assert.All(read.Zip(shown), pair => Assert.NotSame(pair.First, pair.Second));
        Assert.Equal(read.Select(e => $"{e.Origin!.File}#{e["EventRecordID"].Text}"), evidence.Provenance.Select(p => p.ToString()));
        Assert.Empty(problems.Problems);
    }

    [Fact]
    public void What_the_timeline_shows_of_kept_evidence_is_what_it_shows_of_the_same_events_whole()
    {
        var (keeping, _) = Keeping();
        var read = ReadNormalized(CopyOfEvtx());
        var row = DetectionFixtures.Row(("signature", "no host, user or time of its own"));

        var kept = new Finding(DetectionFixtures.ScheduledTaskTtp(), row, null, [], FindingEvidence.Keep(read, keeping));
        var whole = kept with { Evidence = FindingEvidence.Of(read) };

        Assert.Equal((whole.Host, whole.User, whole.Time), (kept.Host, kept.User, kept.Time));
        Assert.Equal(whole.Provenance, kept.Provenance);
        Assert.NotEqual("(unknown)", kept.Host);
    }

    [Fact]
    public void Two_findings_behind_one_event_read_again_as_two_instances_give_their_incident_that_event_once()
    {
        var (keeping, _) = Keeping();
        var path = CopyOfEvtx();
        var first = ReadNormalized(path).Take(2).ToList();
        var second = ReadNormalized(path).Skip(1).Take(2).ToList();
        Assert.NotSame(first[1], second[0]);

        var ledger = new RiskLedger([Finding(FindingEvidence.Keep(first, keeping)), Finding(FindingEvidence.Keep(second, keeping))], "hunt");
        var (_, evidence) = ledger.Incident("rule", DetectionFixtures.Row(("risk_object", "wks-1")), null, maxEvidence: 10);

        Assert.Equal(3, evidence.Count);
        Assert.Equal(first.Concat(second.Skip(1)).Select(Text), evidence.Events().Select(Text));
    }

    [Fact]
    public void Two_findings_behind_one_event_handed_over_in_memory_give_their_incident_that_event_once()
    {
        var shared = DetectionFixtures.Row(("_raw", "shared"));
        var own = DetectionFixtures.Row(("_raw", "shared"));

        var ledger = new RiskLedger([Finding(FindingEvidence.Of([shared])), Finding(FindingEvidence.Of([shared, own]))], "hunt");
        var (_, evidence) = ledger.Incident("rule", DetectionFixtures.Row(("risk_object", "wks-1")), null, maxEvidence: 10);

        Assert.Equal(2, evidence.Count);
        Assert.Same(shared, evidence.Events()[0]);
        Assert.Same(own, evidence.Events()[1]);
    }

    [Fact]
    public void Evidence_whose_file_changed_after_the_hunt_is_reported_when_shown_and_listed_in_the_hunt_summary()
    {
        using var sample = SampleContent.Extract();
        var logs = Directory.CreateDirectory(Path.Combine(Folder, "logs")).FullName;
        foreach (var file in Directory.GetFiles(sample.LogsDirectory))
        {
            File.Copy(file, Path.Combine(logs, Path.GetFileName(file)));
        }

        var problems = new ProblemCollector();
        var content = ContentRepository.Load(sample.ContentDirectory, problems).WithEnvironmentDefaults(problems);
        var result = HuntRunner.Run(new HuntRequest { Content = content, Detections = content.Detections, Inputs = [logs] }, Knowledge.Value);
        var finding = result.Findings.First(f => f.Evidence.Count > 0);
        var origin = finding.Evidence.Provenance[0];
        Assert.Empty(result.Summary.InputProblems);

        File.WriteAllText(origin.File, "another log now\n");
        var shown = finding.Evidence.Events();

        var told = result.Summary.InputProblems.Where(p => p.File == origin.File).ToList();
        Assert.Equal(finding.Evidence.Count, shown.Count + told.Count);
        Assert.NotEmpty(told);
        Assert.All(told, p => Assert.Contains("could not be read again", p.Message, StringComparison.Ordinal));
        Assert.All(told, p => Assert.StartsWith("event ", p.Location, StringComparison.Ordinal));
    }

    /// <summary>The table of events recalled is swept of those nobody holds any more, so over a long hunt it stays
    /// near what is held (the last 2,048 recalled, a batch) plus the growth that triggers a sweep, not every event
    /// ever recalled; once the detections finish it is emptied.</summary>
    [Fact]
    public void The_table_of_recalled_events_forgets_those_nobody_holds()
    {
        var (keeping, problems) = Keeping();
        var held = new List<HeldEvent>();
        foreach (var copy in Enumerable.Range(0, 5))
        {
            var path = Path.Combine(Folder, $"copy-{copy}.evtx");
            File.Copy(SharedCorpus.Require("data/deepbluecli/many-events-application.evtx"), path);
            held.AddRange(InputReader.Read([path], IngestOptions.Default, new ProblemCollector()).Select(keeping.Keep));
        }

        foreach (var batch in held.Chunk(1000))
        {
            Assert.DoesNotContain(null, keeping.Recall(batch));
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        Assert.Empty(problems.Problems);
        Assert.InRange(keeping.Remembered, 1, 2048 + 1000 + 4096);
        Assert.True(held.Count > 2048 + 1000 + 4096, $"the test needs more events than the bound: {held.Count}");
        keeping.LetGoOfRecalled();
        Assert.Equal(0, keeping.Remembered);
    }

    private static Finding Finding(FindingEvidence evidence)
    {
        var detection = DetectionFixtures.ScheduledTaskTtp();
        var row = DetectionFixtures.Row(("dest", "wks-1"));
        return new Finding(detection, row, null, RiskEventBuilder.Build(detection, row, DetectionFixtures.Window), evidence);
    }

    private static List<Event> ReadNormalized(string path) =>
        [.. Knowledge.Value.AccelerateOnce(InputReader.Read([path], IngestOptions.Default with { IndexTime = Knowledge.Value.IndexTime }, new ProblemCollector()))];
}
