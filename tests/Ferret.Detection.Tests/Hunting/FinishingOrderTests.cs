using Ferret.Detection.Compilation;
using Ferret.Detection.Hunting;
using Ferret.Engine;
using Ferret.Events;
using Ferret.Knowledge;
using Ferret.Testing;

namespace Ferret.Detection.Tests.Hunting;

/// <summary>A hunt finishes first the detections whose feeds left the most work (the events the finish reads again: held
/// events, or an aggregation's samples), so the longest do not start last; the findings still come out in detection order.</summary>
public sealed class FinishingOrderTests
{
    private const string Holding = "search EventCode=* | join type=left EventCode [search EventCode=* | stats dc(host) as hosts by EventCode]";
    private const string Aggregating = "search EventCode=* | stats count by EventCode";

    /// <summary>Events fed to each of four detections (holding, holding, aggregating with one sample per group, holding),
    /// each event with an EventCode of its own, and the order they finish in.</summary>
    public static TheoryData<int[], int[]> Fed => new()
    {
        { [2, 5, 1, 5], [1, 3, 0, 2] },
        { [1, 1, 6, 0], [2, 0, 1, 3] },
        { [0, 0, 0, 0], [0, 1, 2, 3] },
    };

    [Theory]
    [MemberData(nameof(Fed))]
    public void Detections_finish_in_the_order_of_the_events_their_feeds_left_to_read_again(int[] fed, int[] expected)
    {
        using var sample = SampleContent.Extract();
        var feeds = StartFeeds(sample, Holding, Holding, Aggregating, Holding);
        var code = 0;
        for (var i = 0; i < feeds.Length; i++)
        {
            for (var n = 0; n < fed[i]; n++)
            {
                feeds[i].Add(EventWithCode(code++));
            }
        }

        Assert.Equal(expected, HuntRunner.FinishingOrder(feeds));
    }

    [Fact]
    public void An_aggregation_leaves_its_samples_to_read_again_not_every_event_it_counted()
    {
        using var sample = SampleContent.Extract();
        var feeds = StartFeeds(sample, Aggregating);
        for (var n = 0; n < 6; n++)
        {
            feeds[0].Add(EventWithCode(n % 2));
        }

        Assert.Equal(2, feeds[0].FinishingWork);
    }

    [Fact]
    public void Findings_keep_the_detections_order_whatever_order_they_finish_in()
    {
        using var sample = SampleContent.Extract();
        DetectionFile.Write(sample.ContentDirectory, "Zz Finish Holding", Holding);
        var problems = new ProblemCollector();
        var content = Content.ContentRepository.Load(sample.ContentDirectory, problems).WithEnvironmentDefaults(problems);
        var request = new HuntRequest { Content = content, Detections = content.Detections, Inputs = [sample.LogsDirectory], Threads = 2 };

        var findings = HuntRunner.Run(request, KnowledgeBase.LoadDefault()).Findings.Where(f => f.Incident is null).ToList();

        var order = content.Detections.Select((d, i) => (d.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
        var places = findings.Select(f => order[f.Detection.Name]).ToList();
        Assert.Contains(findings, f => f.Detection.Name == "Zz Finish Holding");
        Assert.True(places.Distinct().Count() > 2);
        Assert.Equal(places.Order(), places);
    }

    private static Event EventWithCode(int code)
    {
        var e = new Event { Raw = $"event {code}" };
        e.Set("EventCode", FieldValue.Of(code.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return e;
    }

    /// <summary>One feed per search, each search written as a detection of the sample's content, with one evidence
    /// sample per group.</summary>
    private static DetectionFeed[] StartFeeds(SampleContent sample, params string[] searches)
    {
        var problems = new ProblemCollector();
        for (var i = 0; i < searches.Length; i++)
        {
            DetectionFile.Write(sample.ContentDirectory, $"Finish {i}", searches[i]);
        }

        var content = Content.ContentRepository.Load(sample.ContentDirectory, problems).WithEnvironmentDefaults(problems);
        var compiled = CompiledContent.Compile(content);
        return [.. Enumerable.Range(0, searches.Length).Select(i =>
            new DetectionFeed(compiled.Detections.Single(d => d.Detection.Name == $"Finish {i}"), sink => SearchContext.Default with { Problems = sink }, 1))];
    }
}
