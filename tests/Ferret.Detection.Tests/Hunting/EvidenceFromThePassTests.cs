using System.Globalization;
using Ferret.Content;
using Ferret.Detection.Compilation;
using Ferret.Detection.Hunting;
using Ferret.Engine;
using Ferret.Events;
using Ferret.Ingest;
using Ferret.Knowledge;

namespace Ferret.Detection.Tests.Hunting;

/// <summary>The evidence a hunt chooses from what its pass over the events kept (an aggregation's samples, or the events
/// a fed search held) is the evidence a re-run of the detection's evidence plan over every event would choose.</summary>
public sealed class EvidenceFromThePassTests
{
    private static readonly Lazy<KnowledgeBase> Knowledge = new(KnowledgeBase.LoadDefault);

    /// <summary>Shapes of searches over made events (three hosts, two images, each pair several times): stats by, where
    /// after stats, eval before stats, a rename after stats, and eval and addtotals before stats or a table (searches fed
    /// without aggregating: addtotals and table are not streamed, so the events the filters pass are held and the evidence
    /// plan runs over those alone). Each with evidence of 50 events a row, more than any group has, and of 2, fewer than
    /// every group has: past that bound an aggregation's groups sample no more events, and a row's evidence is still the
    /// first it would have among all of them.</summary>
    public static TheoryData<string, int> MadeEventShapes
    {
        get
        {
            string[] searches =
            [
                "search EventCode=1 | stats count by Computer Image",
                "search EventCode=1 | stats count min(_time) as firstTime by Computer Image | where count > 2",
                "search EventCode=1 | eval image_lower=lower(Image) | stats count by image_lower Computer",
                "search EventCode=1 | stats count values(User) as User by Computer | rename Computer as dest",
                "search EventCode=1 | eval one=if(match(Image, \"cmd\"), 1, 0) | addtotals fieldname=Score one | stats values(Score) by Computer Image",
                "search EventCode=1 | eval one=1 | table Computer Image one",
            ];
            var data = new TheoryData<string, int>();
            foreach (var search in searches)
            {
                data.Add(search, 50);
                data.Add(search, 2);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(MadeEventShapes))]
    public void Evidence_chosen_from_the_pass_equals_evidence_chosen_by_running_the_evidence_plan_again(string search, int limit)
    {
        var events = MadeEvents();

        var (fromPass, again) = EvidenceBothWays(search, events, limit);

        Assert.Equal(again, fromPass);
        Assert.All(fromPass, row => Assert.InRange(row.Count, 1, limit));
        Assert.Contains(fromPass, row => row.Count > 1);
    }

    [Theory]
    [InlineData("| tstats count from datamodel=Endpoint.Processes by Processes.dest Processes.process_name | rename Processes.* AS *")]
    [InlineData("| tstats count min(_time) as firstTime from datamodel=Endpoint.Processes where Processes.process_name=* by Processes.process_id | rename Processes.* AS * | where count > 0")]
    public void Evidence_of_a_tstats_search_chosen_from_its_samples_equals_evidence_chosen_over_every_event(string search)
    {
        using var sample = SampleContent.Extract();
        var problems = new ProblemCollector();
        var read = Knowledge.Value.AccelerateOnce(InputReader.Read([sample.LogsDirectory], IngestOptions.Default with { IndexTime = Knowledge.Value.IndexTime }, problems));

        // The events a hunt routes to a tstats over Endpoint.Processes (the sample's process creations): a re-run of a
        // search not led by a search command takes every routed event as a candidate.
        var events = read.Where(e => e["EventCode"].Text == "1").OrderByDescending(e => e.Time).ToList();

        var (fromPass, again) = EvidenceBothWays(search, events, limit: 50);

        Assert.Equal(again, fromPass);
        Assert.NotEmpty(fromPass.SelectMany(row => row));
    }

    /// <summary>A detection's evidence candidates are read again in slices, as the hunt steps through them, unless its
    /// evidence plan puts all of them newest first before choosing (Search Reference, "head command": events come newest
    /// first), which it can only do over all of them at once.</summary>
    [Theory]
    [InlineData("search EventCode=1 | stats count by Computer Image", true)]
    [InlineData("search EventCode=1 | eval one=if(match(Image, \"cmd\"), 1, 0) | stats values(one) by Computer", true)]
    [InlineData("search EventCode=1 | eval one=1 | table Computer Image one", false)]
    public void Candidates_are_read_in_slices_unless_the_evidence_plan_orders_all_of_them(string search, bool inSlices)
    {
        var (detection, context) = Compile(search);
        var feed = new DetectionFeed(detection, sink => context with { Problems = sink }, 50);
        foreach (var e in MadeEvents())
        {
            feed.Add(e);
        }

        var rows = feed.Results();
        var finder = feed.Evidence(rows.Count);
        var evidence = finder.ForAll(rows, 50, keeping: null);

        Assert.Equal(inSlices, finder.InSlices);
        Assert.True(finder.HasCandidates);
        Assert.All(evidence, e => Assert.NotEqual(0, e.Count));
    }

    /// <summary>Each row's evidence (as the events' raw texts) chosen by a hunt's feed of <paramref name="search"/>, and
    /// chosen by running the detection's evidence plan again over all <paramref name="events"/>.</summary>
    private static (List<List<string>> FromPass, List<List<string>> Again) EvidenceBothWays(string search, List<Event> events, int limit)
    {
        var (detection, context) = Compile(search);
        var feed = new DetectionFeed(detection, sink => context with { Problems = sink }, limit);
        foreach (var e in events)
        {
            feed.Add(e);
        }

        var rows = feed.Results();
        var fromPass = Choose(feed.Evidence(rows.Count), rows, limit);

        var rowsAgain = detection.Search.Run(events, context).ToList();
        var again = Choose(EvidenceFinder.For(detection, events, context, rowsAgain.Count), rowsAgain, limit);
        Assert.NotEmpty(rows);
        return (fromPass, again);
    }

    /// <summary><paramref name="search"/> compiled as a detection of the sample content, and a context to run it in.</summary>
    private static (CompiledDetection Detection, SearchContext Context) Compile(string search)
    {
        using var sample = SampleContent.Extract();
        DetectionFile.Write(sample.ContentDirectory, "Evidence Shape", search);
        var problems = new ProblemCollector();
        var content = ContentRepository.Load(sample.ContentDirectory, problems).WithEnvironmentDefaults(problems);
        var detection = CompiledContent.Compile(content).Detections.Single(d => d.Detection.Name == "Evidence Shape");
        return (detection, SearchContext.Default with { DataModels = Knowledge.Value.DataModels, Problems = problems });
    }

    private static List<List<string>> Choose(EvidenceFinder finder, List<Event> rows, int limit) =>
        [.. finder.ForAll(rows, limit, keeping: null).Select(evidence => evidence.Events().Select(e => e.Raw ?? string.Empty).ToList())];

    /// <summary>Sysmon-like process events: three computers, images alternating, users by event, two events of another
    /// code that the searches drop; newest first, the order a search that is run again over held events gives them.</summary>
    private static List<Event> MadeEvents()
    {
        var events = new List<Event>();
        for (var i = 0; i < 24; i++)
        {
            var e = new Event { Raw = $"event {i}", Time = 1_700_000_000 - i };
            e.Set("EventCode", FieldValue.Of(i % 11 == 10 ? "3" : "1"));
            e.Set("Computer", FieldValue.Of($"host-{i % 3}"));
            e.Set("Image", FieldValue.Of(i % 2 == 0 ? @"C:\Windows\System32\cmd.exe" : @"C:\Windows\notepad.exe"));
            e.Set("User", FieldValue.Of($"user-{i % 4}"));
            e.Set("n", FieldValue.Of(i.ToString(CultureInfo.InvariantCulture)));
            events.Add(e);
        }

        return events;
    }
}
