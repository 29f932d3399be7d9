namespace Ferret.Events.Tests;

/// <summary>An event carries what a later stage attached to it (one thing, the first to attach wins) and tells how many
/// fields its own table holds before it must grow.</summary>
public sealed class EventAttachmentAndRoomTests
{
    [Fact]
    public void The_first_attachment_stays_and_later_ones_are_told_what_is_attached()
    {
        var e = new Event();
        object first = "first";
        object second = "second";

        Assert.Null(e.Attachment);
        Assert.Same(first, e.Attach(first));
        Assert.Same(first, e.Attach(second));
        Assert.Same(first, e.Attachment);
    }

    [Fact]
    public void Copies_do_not_carry_the_attachment()
    {
        var e = new Event();
        e.Set("a", "1");
        e.Attach("entry");

        Assert.Null(e.Clone().Attachment);
        Assert.Null(e.CloneOnWrite().Attachment);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(10, 3)]
    [InlineData(60, 45)]
    public void An_event_made_with_room_keeps_it_for_the_fields_not_set_yet(int capacity, int set)
    {
        var e = new Event(capacity);
        for (var i = 0; i < set; i++)
        {
            e.Set("f" + i, "v");
        }

        Assert.True(e.Room >= capacity - set, $"room {e.Room}");
        e.ReserveRoom(20);
        Assert.True(e.Room >= 20, $"room {e.Room} after reserving 20");
    }

    [Fact]
    public void A_table_shared_with_a_copy_has_no_room_of_its_own()
    {
        var e = new Event(40);
        e.Set("a", "1");
        var copy = e.CloneOnWrite();

        Assert.Equal(0, e.Room);
        Assert.Equal(0, copy.Room);
    }
}
