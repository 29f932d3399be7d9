using System.Text;
using Ferret.Detection.Hunting;
using Ferret.Events;
using Ferret.Knowledge;
using Ferret.Testing;

namespace Ferret.Detection.Tests.Hunting;

/// <summary>A hunt that feeds its detections on several threads (<see cref="HuntRequest.Threads"/>) gives the findings of
/// a hunt on one thread, in the same order, and still reports a detection that fails while it is fed on a worker.
/// Batches of one to three events make the workers take the sample's events in many separate hand-offs, each batch
/// emptied and filled again many times over (the routing thread reuses a batch once its events are fed).</summary>
public sealed class HuntThreadsTests
{
    /// <summary>Beside the sample's detections: searches whose results depend on the order each one sees its events
    /// in (streamstats, list, first), a tstats over a data model's shared projections, and one that holds every event.</summary>
    private static readonly (string Name, string Search)[] OrderSensitive =
    [
        ("Threads Streamstats", "search * | streamstats count as seen by sourcetype | table _time sourcetype EventCode seen"),
        ("Threads List", "search * | stats list(EventCode) as codes first(_time) as first last(_time) as last count by host"),
        ("Threads Tstats", "| tstats count values(Processes.process_name) as names from datamodel=Endpoint.Processes by Processes.dest"),
        ("Threads Join", "search EventCode=* | stats count by EventCode | join type=left EventCode [search EventCode=* | stats dc(host) as hosts by EventCode]"),
    ];

    [Theory]
    [InlineData(2, 1)]
    [InlineData(4, 2)]
    [InlineData(2, 3)]
    [InlineData(3, 256)]
    public void A_hunt_on_several_threads_finds_what_a_hunt_on_one_thread_finds(int threads, int batchSize)
    {
        using var sample = SampleContent.Extract();
        foreach (var (name, search) in OrderSensitive)
        {
            DetectionFile.Write(sample.ContentDirectory, name, search);
        }

        var single = Describe(Hunt(sample, threads: 1, batchSize: 1));
        var several = Describe(Hunt(sample, threads, batchSize));

        Assert.Equal(single, several);
        foreach (var (name, _) in OrderSensitive)
        {
            Assert.Contains($"detection {name}\n", single, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_detection_that_fails_while_a_worker_feeds_it_is_reported_and_the_others_still_run()
    {
        using var sample = SampleContent.Extract();
        DetectionFile.Write(sample.ContentDirectory, "Threads Failing", "search EventCode=* | iplocation dest | stats count by Country");

        var result = Hunt(sample, threads: 2, batchSize: 1);

        var failed = Assert.Single(result.Summary.NotRun);
        Assert.Equal("Threads Failing", failed.Detection);
        Assert.StartsWith("SPL3001", failed.Reason, StringComparison.Ordinal);
        Assert.Equal(
            ["Sample PowerShell ScheduledJob Class Use", "Sample Scheduled Task Registered With Shell Action", "Sample WMI Subscription Bound To Active Consumer", "Sample WMIC Process Call Create"],
            result.Findings.Where(f => f.Incident is null).Select(f => f.Detection.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_hunt_refuses_fewer_than_one_thread()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new HuntRequest { Content = null!, Detections = [], Inputs = [], Threads = 0 });
    }

    private static HuntResult Hunt(SampleContent sample, int threads, int batchSize)
    {
        var problems = new ProblemCollector();
        var content = Content.ContentRepository.Load(sample.ContentDirectory, problems).WithEnvironmentDefaults(problems);
        var request = new HuntRequest
        {
            Content = content,
            Detections = content.Detections,
            Inputs = [sample.LogsDirectory],
            Threads = threads,
            FeedBatchSize = batchSize,
        };
        return HuntRunner.Run(request, KnowledgeBase.LoadDefault());
    }

    /// <summary>Every finding in order: its detection, result row, risk objects and evidence; then what did not run.</summary>
    private static string Describe(HuntResult result)
    {
        var text = new StringBuilder();
        foreach (var finding in result.Findings)
        {
            text.Append("detection ").Append(finding.Detection.Name).Append('\n').Append(FieldLines.Describe(finding.Result));
            foreach (var risk in finding.RiskEvents)
            {
                text.Append("risk ").Append(risk.RiskObject).Append(' ').Append(risk.Time).Append('\n');
            }

            foreach (var evidence in finding.Evidence.Events())
            {
                text.Append("evidence ").Append(evidence.Raw).Append('\n');
            }
        }

        foreach (var issue in result.Summary.NotRun.Concat(result.Summary.RunProblems))
        {
            text.Append("issue ").Append(issue.Detection).Append(": ").Append(issue.Reason).Append('\n');
        }

        return text.ToString();
    }
}
