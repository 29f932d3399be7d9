using Ferret.Engine.Execution;
using Ferret.Events;

namespace Ferret.Engine.Tests.Execution;

/// <summary>Held events are cut into slices where a stretch of the read ends, and within a stretch after its width, so
/// the slices of several runs in one stretch want events from the same few arrivals.</summary>
public sealed class HeldSliceTests
{
    [Theory]
    [InlineData(new long[] { 1, 2, 3, 5, 9, 10 }, 4, "0:1,2,3|1:5|2:9,10")]
    [InlineData(new long[] { 4, 7, 8, 11, 12 }, 4, "1:4,7|2:8,11|3:12")]
    [InlineData(new long[] { 0, 0, 0, 0, 0 }, 2, "0:0,0|0:0,0|0:0")]
    [InlineData(new long[] { 3 }, 1024, "0:3")]
    [InlineData(new long[0], 4, "")]
    public void Held_events_are_cut_where_a_stretch_ends_and_after_its_width(long[] arrivals, int width, string expected)
    {
        var held = arrivals.Select(a => HeldEvent.Of(new Event { Raw = $"{a}", Arrival = a })).ToList();

        var slices = HeldSlice.Cut(held, width, slice => [.. slice.Select(h => h.Whole!)]).ToList();

        Assert.Equal(expected, string.Join('|', slices.Select(s => $"{s.Stretch}:{string.Join(',', s.Held.Select(h => h.Arrival))}")));
        Assert.Equal(arrivals.Select(a => $"{a}"), slices.SelectMany(s => s.Make()).Select(e => e.Raw));
    }

    [Fact]
    public void A_slice_is_made_only_when_it_is_wanted()
    {
        var made = 0;
        var held = Enumerable.Range(1, 10).Select(a => HeldEvent.Of(new Event { Arrival = a })).ToList();

        var slices = HeldSlice.Cut(held, 4, slice =>
        {
            made++;
            return [.. slice.Select(h => h.Whole!)];
        }).ToList();
        Assert.Equal(0, made);

        Assert.Equal([4L, 5, 6, 7], slices[1].Make().Select(e => e.Arrival));
        Assert.Equal(1, made);
    }
}
