using Ferret.Detection.Compilation;
using Ferret.Detection.Hunting;
using Ferret.Engine;
using Ferret.Events;
using Ferret.Ingest;
using Ferret.Knowledge;

namespace Ferret.Detection.Tests.Compilation;

public sealed class CompiledContentTests
{
    [Fact]
    public void Every_sample_detection_compiles_once_and_its_plan_runs_again_with_the_same_results()
    {
        using var sample = SampleContent.Extract();
        var content = CompiledContent.Load(sample.ContentDirectory);
        Assert.Empty(content.NotCompiled);
        Assert.Equal(content.Content.Detections.Count, content.Detections.Count);

        var knowledge = KnowledgeBase.LoadDefault();
        var events = knowledge.Accelerate(InputReader.Read([sample.LogsDirectory], new IngestOptions(), new ProblemCollector())).ToList();
        var context = new SearchContext { DataModels = knowledge.DataModels };
        foreach (var detection in content.Detections)
        {
            var first = detection.Run(events, TimeRange.All, context, TestContext.Current.CancellationToken).Select(e => e.ToString()).ToList();
            var second = detection.Run(events, TimeRange.All, context, TestContext.Current.CancellationToken).Select(e => e.ToString()).ToList();
            Assert.Equal(first, second);
        }

        Assert.Contains(content.Detections, d => d.Run(events, TimeRange.All, context, TestContext.Current.CancellationToken).Any());
    }

    [Fact]
    public void A_run_sees_only_the_events_of_its_time_range()
    {
        using var sample = SampleContent.Extract();
        var content = CompiledContent.Load(sample.ContentDirectory);
        var knowledge = KnowledgeBase.LoadDefault();
        var events = knowledge.Accelerate(InputReader.Read([sample.LogsDirectory], new IngestOptions(), new ProblemCollector())).ToList();
        var context = new SearchContext { DataModels = knowledge.DataModels };
        var latest = events.Max(e => e.Time)!.Value;
        var afterEverything = new TimeRange(latest + 1, null);

        Assert.All(content.Detections, d => Assert.Empty(d.Run(events, afterEverything, context, TestContext.Current.CancellationToken)));
    }

    [Fact]
    public void A_cancelled_run_stops_with_OperationCanceledException()
    {
        using var sample = SampleContent.Extract();
        var detection = CompiledContent.Load(sample.ContentDirectory).Detections[0];
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        Assert.Throws<OperationCanceledException>(() => detection.Run([new Event()], TimeRange.All, SearchContext.Default, cancel.Token).ToList());
    }

    [Theory]
    [InlineData(null, null, 5.0, true)]
    [InlineData(5.0, null, 5.0, true)]
    [InlineData(null, 5.0, 5.0, false)]
    [InlineData(1.0, 10.0, 9.5, true)]
    [InlineData(1.0, 10.0, 0.5, false)]
    public void A_time_range_keeps_earliest_inclusive_and_latest_exclusive(double? earliest, double? latest, double time, bool contained)
    {
        Assert.Equal(contained, new TimeRange(earliest, latest).Contains(new Event { Time = time }));
    }
}
