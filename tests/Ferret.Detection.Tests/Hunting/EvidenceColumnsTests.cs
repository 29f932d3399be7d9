using System.Globalization;
using System.Runtime.CompilerServices;
using Ferret.Detection.Hunting;
using Ferret.Engine.Execution;
using Ferret.Events;

namespace Ferret.Detection.Tests.Hunting;

/// <summary>The evidence finder reads a field of its candidates once for all rows (a column), up to a bound, and past it
/// reads the field by name from each candidate as before: the evidence is the same either way.</summary>
public sealed class EvidenceColumnsTests
{
    [Fact]
    public void A_column_is_kept_for_the_next_rows_and_reads_only_the_values_asked_for()
    {
        var columns = new EvidenceColumns(Candidates(10));

        var first = columns.ColumnOf("host");

        Assert.NotNull(first);
        Assert.Same(first, columns.ColumnOf("host"));
        Assert.Equal(0, first.Read);
        Assert.Equal(["host-0", "host-1", "host-2", "host-0"], Enumerable.Range(0, 4).Select(i => first[i].Text));
        Assert.Equal("host-0", first[0].Text);
        Assert.Equal(4, first.Read);
    }

    [Fact]
    public void A_column_that_would_pass_the_bound_is_not_kept()
    {
        var columns = new EvidenceColumns(Candidates((EvidenceColumns.MaxCells / 2) + 1));

        Assert.NotNull(columns.ColumnOf("host"));
        Assert.Null(columns.ColumnOf("n"));
        Assert.NotNull(columns.ColumnOf("host"));
    }

    [Fact]
    public void A_candidate_without_the_field_has_a_null_value_in_its_column()
    {
        var candidates = Candidates(3);
        candidates[1].Remove("host");

        var column = new EvidenceColumns(candidates).ColumnOf("host")!;

        Assert.Equal([false, true, false], Enumerable.Range(0, 3).Select(i => column[i].IsNull));
    }

    /// <summary>Rows agreeing with candidates on host (case ignored): the second row on reads columns, or past the bound
    /// reads by name; either way each row gets the candidates of its host, in order, up to the limit.</summary>
    [Theory]
    [InlineData(30)]
    [InlineData(EvidenceColumns.MaxCells + 1)]
    public void Every_row_gets_the_candidates_that_agree_with_it_with_or_without_columns(int candidateCount)
    {
        var candidates = Candidates(candidateCount);
        var rows = Enumerable.Range(0, 3).Select(row => Row(("host", $"HOST-{row}"), ("count", "9"))).ToList();

        var evidence = EvidenceFinder.Over(candidates).ForAll(rows, limit: 4, keeping: null);

        for (var row = 0; row < 3; row++)
        {
            Assert.Equal(Enumerable.Range(0, 4).Select(k => $"event {(3 * k) + row}"), evidence[row].Events().Select(e => e.Raw));
        }
    }

    /// <summary>Candidates read slice by slice give each row what it gets over them all at once (full agreement, the
    /// closest, or none), and once every row has its limit no further slice is read.</summary>
    [Theory]
    [InlineData(1, 9)]
    [InlineData(2, 5)]
    [InlineData(5, 2)]
    [InlineData(100, 1)]
    public void Candidates_read_in_slices_give_the_evidence_of_all_at_once_and_no_slice_past_the_last_needed(int sliceSize, int slicesNeeded)
    {
        var candidates = Candidates(30);
        var rows = new[] { Row(("host", "host-1")), Row(("host", "host-2")), Row(("host", "host-2"), ("n", "none")), Row(("host", "nowhere")) };
        var whole = EvidenceFinder.Over(candidates).ForAll(rows, limit: 3, keeping: null);
        var slicesRead = 0;
        EvidenceFinder Sliced() => EvidenceFinder.OverSlices(candidates.Chunk(sliceSize).Select(slice => new HeldSlice(0, [], () =>
        {
            slicesRead++;
            return slice;
        })));

        var allRows = Sliced().ForAll(rows, limit: 3, keeping: null);
        slicesRead = 0;
        var firstTwo = Sliced().ForAll(rows[..2], limit: 3, keeping: null);

        Assert.Equal(["event 1", "event 4", "event 7"], whole[0].Events().Select(e => e.Raw));
        Assert.Equal(["event 2", "event 5", "event 8"], whole[2].Events().Select(e => e.Raw));
        Assert.Equal(0, whole[3].Count);
        Assert.Equal(whole.Select(e => e.Events().Select(x => x.Raw)), allRows.Select(e => e.Events().Select(x => x.Raw)));
        Assert.Equal(whole.Take(2).Select(e => e.Events().Select(x => x.Raw)), firstTwo.Select(e => e.Events().Select(x => x.Raw)));
        Assert.Equal(slicesNeeded, slicesRead);
    }

    /// <summary>A scan stepped a slice at a time (as a hunt steps the detections that read slices together) makes one
    /// slice per step, finds what <see cref="EvidenceFinder.ForAll"/> finds, and ends once every row has its limit.</summary>
    [Theory]
    [InlineData(1, 9)]
    [InlineData(4, 3)]
    [InlineData(100, 1)]
    public void A_scan_stepped_slice_by_slice_makes_one_slice_a_step_and_ends_once_every_row_has_its_evidence(int sliceSize, int steps)
    {
        var candidates = Candidates(30);
        var rows = new[] { Row(("host", "host-1")), Row(("host", "host-2")) };
        var made = 0;
        var finder = EvidenceFinder.OverSlices(candidates.Chunk(sliceSize).Select(slice => new HeldSlice(0, [], () =>
        {
            made++;
            return slice;
        })));

        using var scan = finder.Start(rows, limit: 3, keeping: null);
        var stepsTaken = 0;
        while (scan.Step())
        {
            stepsTaken++;
            Assert.Equal(stepsTaken, made);
        }

        Assert.True(finder.InSlices);
        Assert.True(finder.HasCandidates);
        Assert.Equal(steps, stepsTaken);
        Assert.False(scan.Step());
        Assert.Equal(steps, made);
        Assert.Equal(
            EvidenceFinder.Over(candidates).ForAll(rows, limit: 3, keeping: null).Select(e => e.Events().Select(x => x.Raw)),
            scan.Evidence.Select(e => e.Events().Select(x => x.Raw)));
    }

    /// <summary>A scan names the slice it reads next, with its stretch of the read, before making it (a hunt reads the
    /// events a stretch's slices want once for all the scans due there), and none once every row has its evidence.</summary>
    [Fact]
    public void A_scan_names_the_slice_it_reads_next_before_making_it_and_none_once_it_ended()
    {
        var made = 0;
        var finder = EvidenceFinder.OverSlices(Candidates(30).Chunk(10).Select((slice, i) => new HeldSlice(3 * i, [], () =>
        {
            made++;
            return slice;
        })));

        using var scan = finder.Start([Row(("host", "host-1"))], limit: 5, keeping: null);
        var stretches = new List<long>();
        while (scan.Next is { } next)
        {
            Assert.Equal(stretches.Count, made);
            stretches.Add(next.Stretch);
            Assert.True(scan.Step());
        }

        Assert.Equal([0L, 3], stretches);
        Assert.Equal(2, made);
        Assert.False(scan.Step());
    }

    /// <summary>What a scan finds is kept as the run keeps evidence (here: by origin) as soon as it is found, so a scan
    /// that goes on through more slices holds none of the events of those it read.</summary>
    [Fact]
    public void A_scan_holds_none_of_the_events_it_found_in_the_slices_it_read()
    {
        var made = new List<WeakReference<Event>>();
        var finder = EvidenceFinder.OverSlices(Enumerable.Range(0, 3).Select(slice => new HeldSlice(slice, [], () => MadeSlice(slice, made))));

        using var scan = finder.Start([Row(("host", "host-1"))], limit: 50, new ByOrigin());
        Assert.True(scan.Step());
        Assert.True(scan.Step());
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.Equal(20, made.Count);
        Assert.DoesNotContain(made, e => e.TryGetTarget(out _));
        Assert.Equal(["event 2", "event 5", "event 8", "event 11", "event 14", "event 17", "event 20"], scan.Evidence[0].Provenance.Select(p => p.Record));
    }

    /// <summary>Slice <paramref name="slice"/> of ten candidates with origins, each also noted weakly in <paramref name="made"/>;
    /// not inlined, so the test holds none of them.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static List<Event> MadeSlice(int slice, List<WeakReference<Event>> made)
    {
        var events = Candidates(10 * (slice + 1)).Skip(10 * slice).ToList();
        foreach (var e in events)
        {
            e.Origin = new EventOrigin("f", made.Count + 1);
            made.Add(new WeakReference<Event>(e));
        }

        return events;
    }

    /// <summary>Keeps an event as its origin, as a hunt over files does; never asked to read one again here.</summary>
    private sealed class ByOrigin : EventKeeping
    {
        public override HeldEvent Keep(Event e) => new(null, e.Origin, HeldEvent.CheckOf(e), e.Arrival);

        public override Event?[] Recall(IReadOnlyList<HeldEvent> held) => throw new InvalidOperationException("not read again in this test");
    }

    [Fact]
    public void A_row_none_agrees_with_fully_gets_the_candidates_agreeing_on_the_most_fields_from_its_second_row_on_too()
    {
        var finder = EvidenceFinder.Over(Candidates(12));
        var evidence = finder.ForAll([Row(("host", "host-1"), ("n", "none")), Row(("host", "host-1"), ("n", "none"))], limit: 10, keeping: null);
        var (byName, byColumn) = (evidence[0], evidence[1]);

        Assert.Equal(["event 1", "event 4", "event 7", "event 10"], byName.Events().Select(e => e.Raw));
        Assert.Equal(byName.Events().Select(e => e.Raw), byColumn.Events().Select(e => e.Raw));
    }

    /// <summary>A text agrees with the same text in another case whatever its length (one longer than the buffer values
    /// are written into is compared as a string), and not with a text one character longer; the same by name (first row)
    /// and by column (second row).</summary>
    [Theory]
    [InlineData(300, "A", true)]
    [InlineData(40, "A", true)]
    [InlineData(40, "AB", false)]
    [InlineData(300, "AB", false)]
    public void A_text_agrees_with_the_same_text_in_another_case_whatever_its_length(int length, string tail, bool agrees)
    {
        var candidate = new Event { Raw = "the candidate" };
        candidate.Set("CommandLine", FieldValue.Of(new string('x', length) + "a"));
        var finder = EvidenceFinder.Over([candidate]);
        var row = Row(("CommandLine", new string('X', length) + tail));

        Assert.Equal([agrees ? 1 : 0, agrees ? 1 : 0], finder.ForAll([row, row], limit: 5, keeping: null).Select(e => e.Count));
    }

    [Theory]
    [InlineData("42", true)]
    [InlineData("42.0", false)]
    public void A_number_agrees_with_the_text_splunk_prints_for_it(string text, bool agrees)
    {
        var candidate = new Event { Raw = "the candidate" };
        candidate.Set("pid", FieldValue.Of(Scalar.Of(42.0)));

        var evidence = EvidenceFinder.Over([candidate]).ForAll([Row(("pid", text))], limit: 5, keeping: null)[0];

        Assert.Equal(agrees ? 1 : 0, evidence.Count);
    }

    private static List<Event> Candidates(int count)
    {
        var events = new List<Event>(count);
        for (var i = 0; i < count; i++)
        {
            var e = new Event { Raw = $"event {i}" };
            e.Set("host", FieldValue.Of($"host-{i % 3}"));
            e.Set("n", FieldValue.Of(i.ToString(CultureInfo.InvariantCulture)));
            events.Add(e);
        }

        return events;
    }

    private static Event Row(params (string Name, string Value)[] fields)
    {
        var row = new Event();
        foreach (var (name, value) in fields)
        {
            row.Set(name, FieldValue.Of(value));
        }

        return row;
    }
}
