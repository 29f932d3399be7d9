namespace Ferret.Events.Tests;

/// <summary>A copy (<see cref="Event.CloneOnWrite"/>) reads through to the fields of the event it copied until it removes one;
/// whatever either side does afterwards, each must look exactly as if the copy had been a full dictionary of its own.</summary>
public sealed class EventCopyTests
{
    /// <summary>Changes as "name=value" (set) or "-name" (remove), applied in order.</summary>
    public static TheoryData<string[]> ChangeSequences => new()
    {
        { [] },
        { ["EventCode=1"] },
        { ["dest=host-a", "user=alice"] },
        { ["dest=host-a", "EventCode=2", "dest=host-b"] },
        { ["-Computer"] },
        { ["-missing", "new=1"] },
        { ["dest=host-a", "-Computer", "later=1", "again=2"] },
        { ["-EventCode", "-_raw", "x=1", "y=2", "EventCode=3"] },
        { ["x=1", "-x", "y=2"] },
        { ["host=changed", "-host", "host=back"] },
    };

    [Theory]
    [MemberData(nameof(ChangeSequences))]
    public void A_copy_changed_in_any_order_lists_the_fields_a_full_copy_would(string[] changes)
    {
        var source = Source();
        var copy = source.CloneOnWrite();
        var reference = FullCopy(source);

        Apply(copy, changes);
        Apply(reference, changes);
        Apply(copy, ["after=1", "after2=2"]);
        Apply(reference, ["after=1", "after2=2"]);

        Assert.Equal(Pairs(reference), Pairs(copy));
        Assert.Equal(reference.FieldCount, copy.FieldCount);
        Assert.Equal(Pairs(Source()), Pairs(source));
    }

    [Theory]
    [MemberData(nameof(ChangeSequences))]
    public void The_copied_event_changed_afterwards_leaves_its_copy_as_it_was(string[] changes)
    {
        var source = Source();
        var copy = source.CloneOnWrite();
        var reference = FullCopy(source);

        Apply(source, changes);
        Apply(reference, changes);

        Assert.Equal(Pairs(Source()), Pairs(copy));
        Assert.Equal(Pairs(reference), Pairs(source));
    }

    /// <summary>Reserving room never changes what an event holds, and the fields added afterwards are listed after the
    /// present ones as on a full copy, whatever state the event is in (a copy reading through, an event a copy reads
    /// through to, one with a freed slot).</summary>
    [Theory]
    [MemberData(nameof(ChangeSequences))]
    public void Reserving_room_keeps_the_fields_and_lists_later_ones_as_a_full_copy_would(string[] changes)
    {
        var copied = Source().CloneOnWrite();
        var shared = Source();
        var sharedsCopy = shared.CloneOnWrite();
        foreach (var e in new[] { Source(), copied, shared })
        {
            Apply(e, changes);
            var reference = FullCopy(e);

            e.ReserveRoom(40);
            Apply(e, ["after=1", "after2=2"]);
            Apply(reference, ["after=1", "after2=2"]);

            Assert.Equal(Pairs(reference), Pairs(e));
            Assert.Equal(reference.FieldCount, e.FieldCount);
        }

        Assert.Equal(Pairs(Source()), Pairs(sharedsCopy));
    }

    [Fact]
    public void A_copy_of_a_copy_has_the_changes_of_the_first_and_none_of_the_later_ones()
    {
        var first = Source().CloneOnWrite();
        first.Set("dest", "host-a");
        first.Set("added", "1");
        var second = first.CloneOnWrite();
        first.Set("later", "2");
        first.Remove("Computer");

        Assert.Equal("host-a", second["dest"].Text);
        Assert.Equal("1", second["added"].Text);
        Assert.False(second.Has("later"));
        Assert.True(second.Has("Computer"));
        Assert.Equal(["_raw", "Computer", "EventCode", "host", "dest", "added"], second.Fields.Keys.ToArray());
    }

    [Fact]
    public void An_event_with_a_removed_field_is_copied_whole_and_keeps_adding_into_the_freed_place()
    {
        var source = Source();
        source.Remove("EventCode");
        var copy = source.CloneOnWrite();
        source.Set("refill", "1");
        copy.Set("appended", "1");

        Assert.Equal(["_raw", "Computer", "refill", "host"], source.Fields.Keys.ToArray());
        Assert.Equal(["_raw", "Computer", "host", "appended"], copy.Fields.Keys.ToArray());
    }

    [Theory]
    [MemberData(nameof(ChangeSequences))]
    public void Copies_of_a_changed_copy_and_of_an_event_with_a_removed_field_list_what_its_whole_copy_lists(string[] changes)
    {
        var copied = Source().CloneOnWrite();
        Apply(copied, changes);
        var holed = Source();
        holed.Remove("EventCode");
        Apply(holed, changes);

        foreach (var source in new[] { copied, holed })
        {
            var whole = source.Clone();
            var first = source.CloneOnWrite();
            var second = source.CloneOnWrite();
            Apply(first, ["after=1", "-host"]);
            Apply(whole, ["after=1", "-host"]);
            source.Set("source-later", "1");

            Assert.Equal(Pairs(whole), Pairs(first));
            Assert.False(second.Has("after"));
            Assert.False(second.Has("source-later"));
            Assert.Equal(Pairs(source).Where(p => p.Item1 != "source-later"), Pairs(second));
        }
    }

    private static Event Source()
    {
        var e = new Event();
        e.Set("_raw", "<Event/>");
        e.Set("Computer", "pc-1");
        e.Set("EventCode", "4688");
        e.Set("host", "pc-1");
        return e;
    }

    /// <summary>What a copy used to be: every field set on a new event in order.</summary>
    private static Event FullCopy(Event source)
    {
        var copy = new Event();
        foreach (var (name, value) in source.Fields)
        {
            copy.Set(name, value);
        }

        return copy;
    }

    private static void Apply(Event e, string[] changes)
    {
        foreach (var change in changes)
        {
            if (change.StartsWith('-'))
            {
                e.Remove(change[1..]);
            }
            else
            {
                var parts = change.Split('=', 2);
                e.Set(parts[0], parts[1]);
            }
        }
    }

    private static List<(string, string?)> Pairs(Event e) => [.. e.Fields.Select(p => (p.Key, p.Value.Text))];
}
