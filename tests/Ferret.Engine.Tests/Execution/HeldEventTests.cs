using Ferret.Engine.Execution;
using Ferret.Events;

namespace Ferret.Engine.Tests.Execution;

using static Spl;

/// <summary>A run whose <see cref="SearchContext.Keeping"/> keeps events compact (as a hunt over files keeps them: only
/// where they were read) gives the results and the samples of a run that keeps them whole.</summary>
public sealed class HeldEventTests
{
    private static Event[] Read() =>
    [
        .. new[]
        {
            Ev(("EventCode", "4688"), ("process_name", "cmd.exe"), ("user", "a"), ("n", 1)),
            Ev(("EventCode", "4688"), ("process_name", "powershell.exe"), ("user", "b"), ("n", 2)),
            Ev(("EventCode", "4624"), ("user", "a"), ("n", 3)),
            Ev(("EventCode", "4688"), ("process_name", "CMD.EXE"), ("user", "c"), ("n", 4)),
            Ev(("EventCode", "4688"), ("process_name", "rundll32.exe"), ("user", "a"), ("n", 5)),
        }.Select((e, i) =>
        {
            e.Raw = $"event {i + 1}";
            e.Origin = new EventOrigin("log", i + 1);
            return e;
        }),
    ];

    public static TheoryData<string> Searches =>
    [
        "EventCode=4688 | where n > 1 | eval x=upper(process_name) | table x user n",
        "EventCode=4688 | eval p=lower(process_name) | rename user AS u | where p!=\"rundll32.exe\" | stats count max(n) as last by p u | sort - last",
        "| tstats count max(n) as last where EventCode=4688 by user",
        "EventCode=4688 | join user [search EventCode=4624 | table user]",
        "EventCode=4688 | append [search EventCode=4624]",
    ];

    [Theory]
    [MemberData(nameof(Searches))]
    public void A_run_keeping_events_as_their_origin_gives_the_results_and_samples_of_one_keeping_them_whole(string spl)
    {
        var search = SearchEngine.Compile(spl);
        var whole = Feed(search, Context());
        var keeping = new ReadAgain(Read());
        var compact = Feed(search, Context() with { Keeping = keeping });

        Assert.Equal(whole.Results, compact.Results);
        Assert.Equal(whole.Samples, compact.Samples);
        Assert.True(keeping.Recalled > 0, "nothing was kept compact");
    }

    [Fact]
    public void A_sample_made_by_commands_in_front_of_the_aggregation_is_made_again_from_the_event_read_again()
    {
        var search = SearchEngine.Compile("EventCode=4688 | eval p=lower(process_name) | stats count by p");
        var fed = IncrementalRun.TryStart(search, Context() with { Keeping = new ReadAgain(Read()) }, samplesPerGroup: 1)!;
        foreach (var e in Read())
        {
            fed.Add(e);
        }

        Assert.Equal(["cmd.exe", "powershell.exe", "rundll32.exe"], fed.SampleSlices(2).SelectMany(slice => slice.Make()).Select(e => e["p"].Text));
    }

    [Fact]
    public void An_event_that_cannot_be_read_again_is_left_out_of_what_the_run_held()
    {
        var search = SearchEngine.Compile("EventCode=4688 | table n");
        var fed = IncrementalRun.TryStart(search, Context() with { Keeping = new ReadAgain(Read().Where(e => e.Origin!.Position != 2)) })!;
        foreach (var e in Read())
        {
            fed.Add(e);
        }

        Assert.Equal(["1", "4", "5"], fed.Finish().Select(e => e["n"].ToString()));
    }

    private static (List<string> Results, List<string> Samples) Feed(CompiledSearch search, SearchContext context)
    {
        var fed = IncrementalRun.TryStart(search, context, samplesPerGroup: 2);
        Assert.NotNull(fed);
        foreach (var e in Read())
        {
            fed.Add(e);
        }

        return ([.. fed.Finish().Select(Describe)], [.. fed.SampleSlices(2).SelectMany(slice => slice.Make()).Select(Describe)]);
    }

    private static string Describe(Event e) => string.Join(' ', e.Fields.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value}"));

    /// <summary>Keeps every event as its origin and reads it again from a copy of the input, as a hunt reads its file
    /// again; an event the copy lacks cannot be read again.</summary>
    private sealed class ReadAgain(IEnumerable<Event> input) : EventKeeping
    {
        private readonly Dictionary<long, Event> _input = input.ToDictionary(e => e.Origin!.Position);

        public int Recalled { get; private set; }

        public override HeldEvent Keep(Event e) => new(null, e.Origin, HeldEvent.CheckOf(e), e.Arrival);

        public override Event?[] Recall(IReadOnlyList<HeldEvent> held)
        {
            Recalled += held.Count;
            return [.. held.Select(h => h.Whole ?? (_input.TryGetValue(h.Origin!.Position, out var e) ? e.Clone() : null))];
        }
    }
}
