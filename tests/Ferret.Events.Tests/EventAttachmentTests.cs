namespace Ferret.Events.Tests;

/// <summary>An event carries what a later stage attached to it: one thing, the first to attach wins, and copies do not
/// carry it.</summary>
public sealed class EventAttachmentTests
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
}
