using Ferret.Content;
using Ferret.Detection.Hunting;
using Ferret.Engine.Execution;
using Ferret.Events;
using Ferret.Ingest;
using Ferret.Knowledge;
using Ferret.Testing;

namespace Ferret.Detection.Tests.Hunting;

/// <summary>A hunt over files keeps the events its detections hold as their origin and reads them again when a
/// detection finishes (<see cref="HuntEventKeeping"/>): the findings and their evidence must be those of a hunt that
/// held every event whole, and an event that cannot be read again must be reported, never lost in silence.</summary>
public sealed class HuntEventKeepingTests() : KeptEventsTestBase("ferret-keeping-")
{
    [Fact]
    public void The_sample_hunt_over_files_finds_what_it_finds_over_the_same_events_held_whole()
    {
        using var sample = SampleContent.Extract();
        var content = Load(sample.ContentDirectory);

        AssertSameFindings(content, [sample.LogsDirectory]);
    }

    [Fact]
    [Trait("Category", "Corpus")]
    public void Every_escu_detection_over_evtx_files_finds_what_it_finds_over_the_same_events_held_whole()
    {
        var content = Load(SharedCorpus.Require("escu"));

        AssertSameFindings(content, [SharedCorpus.Require("data/deepbluecli")]);
    }

    [Fact]
    public void An_event_recalled_is_the_event_the_first_read_normalized()
    {
        var path = CopyOfEvtx();
        var (keeping, problems) = Keeping();
        var read = Knowledge.Value.AccelerateOnce(InputReader.Read([path], IngestOptions.Default, new ProblemCollector())).ToList();
        var held = read.Select(keeping.Keep).ToList();

        var recalled = keeping.Recall(held);

        Assert.All(held, h => Assert.Null(h.Whole));
        Assert.Empty(problems.Problems);
        Assert.Equal(read.Select(Text), recalled.Select(e => Text(e!)));
        Assert.Same(recalled[0], keeping.Recall([held[0]])[0]);
    }

    /// <summary>The file an event was read from is gone, damaged or replaced when the event is wanted again: each event
    /// held is reported once with its file and position, and left out.</summary>
    public static TheoryData<string, string> Damage => new()
    {
        { "deleted", "cannot open" },
        { "overwritten with zeros", "unknown format: binary, and not EVTX" },
        { "replaced by another log", "holds another event there now" },
    };

    [Theory]
    [MemberData(nameof(Damage))]
    public void An_event_whose_file_changed_since_the_read_is_reported_and_left_out(string damage, string expected)
    {
        var path = CopyOfEvtx();
        var (keeping, problems) = Keeping();
        var read = Knowledge.Value.AccelerateOnce(InputReader.Read([path], IngestOptions.Default, new ProblemCollector())).Take(3).ToList();
        var held = read.Select(keeping.Keep).ToList();
        switch (damage)
        {
            case "deleted":
                File.Delete(path);
                break;
            case "overwritten with zeros":
                File.WriteAllBytes(path, new byte[new FileInfo(path).Length]);
                break;
            default:
                File.Copy(SharedCorpus.Require("data/deepbluecli/new-user-security.evtx"), path, overwrite: true);
                break;
        }

        var recalled = keeping.Recall(held);
        keeping.Recall(held);

        Assert.All(recalled, Assert.Null);
        Assert.Equal(read.Select(e => $"event {e.Origin!.Position}"), problems.Problems.Select(p => p.Location));
        Assert.All(problems.Problems, p => Assert.Equal(path, p.File));
        Assert.All(problems.Problems, p => Assert.Contains(expected, p.Message, StringComparison.Ordinal));
        Assert.All(problems.Problems, p => Assert.Contains("could not be read again", p.Message, StringComparison.Ordinal));
    }

    /// <summary>An event recalled while something still uses it (the slice another detection is searching) is that same
    /// event, not read again, even once its file is gone; once nothing uses it, it is read again (here: reported lost).
    /// Detections stepped through the same samples together share their reads this way.</summary>
    [Fact]
    public void An_event_in_use_is_shared_and_one_no_longer_used_is_read_again()
    {
        var path = CopyOfEvtx();
        var (keeping, problems) = Keeping();
        var held = Knowledge.Value.AccelerateOnce(InputReader.Read([path], IngestOptions.Default, new ProblemCollector()))
            .Take(5).Select(keeping.Keep).ToList();
        var (recalled, same) = RecallAgainWhileInUse(keeping, held, path);

        Assert.Equal(held.Count, recalled);
        Assert.True(same);
        Assert.Empty(problems.Problems);
        Collect();
        Assert.Equal(0, RecalledCount(keeping, held));
        Assert.Equal(held.Count, problems.Problems.Count);
    }

    /// <summary>Events read again together, as a hunt reads those of a stretch of the read its detections step through,
    /// come back each once however often asked (the file's records in parts, on several threads), as the first read made
    /// and numbered them, and are shared while the caller holds them: once its file is gone they still come back.</summary>
    [Fact]
    public void Events_read_again_together_come_back_once_each_and_are_shared_while_held()
    {
        var path = CopyOfEvtx();
        var (keeping, problems) = Keeping();
        var read = Knowledge.Value.AccelerateOnce(InputReader.Read([path], IngestOptions.Default, new ProblemCollector())).ToList();
        read.ForEach(e => e.Arrival = 100 + e.Origin!.Position);
        var held = read.Select(keeping.Keep).ToList();

        var together = keeping.RecallTogether([.. held, .. held], new ParallelOptions { MaxDegreeOfParallelism = 4 });
        File.Delete(path);
        var again = keeping.Recall(held);

        Assert.True(held.Count > 4 * 64, "enough records for the file to be read in parts");
        Assert.Equal(read.Select(e => e.Raw), together.Select(e => e?.Raw));
        Assert.Equal(read.Select(e => e.Arrival), together.Select(e => e!.Arrival));
        Assert.All(Enumerable.Range(0, held.Count), i => Assert.Same(together[i], again[i]));
        Assert.Empty(problems.Problems);
    }

    /// <summary>Recalls <paramref name="held"/>, deletes its file, and recalls it again while the first events are in
    /// use: how many came back, and whether the second recall gave the same events. In a frame of its own, so nothing
    /// of it is alive after.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static (int Recalled, bool Same) RecallAgainWhileInUse(HuntEventKeeping keeping, List<HeldEvent> held, string path)
    {
        var inUse = keeping.Recall(held);
        File.Delete(path);
        var again = keeping.Recall(held);
        return (inUse.Count(e => e is not null), Enumerable.Range(0, held.Count).All(i => ReferenceEquals(inUse[i], again[i])));
    }

    /// <summary>How many of <paramref name="held"/> come back, not keeping them alive past the call.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static int RecalledCount(HuntEventKeeping keeping, List<HeldEvent> held) => keeping.Recall(held).Count(e => e is not null);

    private static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    [Fact]
    public void An_event_made_in_memory_is_kept_whole()
    {
        var (keeping, _) = Keeping();
        var e = new Event { Raw = "made here" };

        var held = keeping.Keep(e);

        Assert.Same(e, held.Whole);
        Assert.Same(e, keeping.Recall([held])[0]);
    }

    private static ContentRepository Load(string directory)
    {
        var problems = new ProblemCollector();
        return ContentRepository.Load(directory, problems).WithEnvironmentDefaults(problems);
    }

    /// <summary>Hunts <paramref name="inputs"/> as files (events kept as their origin) and as the same events handed
    /// over in memory (kept whole), and compares every finding, its provenance and what the timeline shows of its evidence.
    /// The evidence the file hunt shows is read again: it must be the events as the first read normalized them (fields a
    /// detection computed on its events are not part of the evidence kept).</summary>
    private static void AssertSameFindings(ContentRepository content, IReadOnlyList<string> inputs)
    {
        var overFiles = new HuntRequest { Content = content, Detections = content.Detections, Inputs = inputs };
        var events = InputReader.Read(inputs, IngestOptions.Default with { IndexTime = Knowledge.Value.IndexTime }, new ProblemCollector()).ToList();
        var inMemory = overFiles with { Inputs = [], Events = events };
        var normalized = Knowledge.Value.AccelerateOnce(events.Select(e => e.Clone())).ToDictionary(e => e.Origin!);

        var fromFiles = HuntRunner.Run(overFiles, Knowledge.Value);
        var fromMemory = HuntRunner.Run(inMemory, Knowledge.Value);

        Assert.NotEmpty(fromFiles.Findings);
        Assert.Equal(
            fromMemory.Findings.Select(f => Describe(f, f.Evidence.Events().Select(e => normalized[e.Origin!]))),
            fromFiles.Findings.Select(f => Describe(f, f.Evidence.Events())));
        Assert.Contains(fromFiles.Findings, f => f.Evidence.Count > 0);
        Assert.DoesNotContain(fromFiles.Summary.InputProblems, p => p.Message.Contains("could not be read again", StringComparison.Ordinal));
    }

    private static string Describe(Finding finding, IEnumerable<Event> evidence) =>
        $"{finding.Detection.Name}\n{FieldLines.Describe(finding.Result)}\n{finding.Host} {finding.User} {finding.Time}\n{string.Join("\n", finding.Provenance)}\n"
        + string.Join("\n---\n", evidence.Select(Text));
}
