using Ferret.Events;
using Ferret.Knowledge.Compilation;

namespace Ferret.Knowledge.Tests;

/// <summary>A knowledge base remembers an event's normalized form on the event itself (<see cref="Event.Attachment"/>), not
/// in a table keyed by the event: a copy of the event is another event, and another knowledge base's form of the same
/// event is kept apart.</summary>
public sealed class NormalizedEntryTests
{
    private static readonly KnowledgeBase Knowledge = KnowledgeBase.LoadDefault();

    [Fact]
    public void An_event_normalized_in_place_answers_with_its_entry_and_is_not_normalized_again()
    {
        var e = TestEvents.SysmonProcessCreate();
        var normalized = Knowledge.AccelerateOnce([e]).Single();
        var entry = Knowledge.Accelerated(e);

        Assert.Same(e, normalized);
        Assert.Same(entry, e.Attachment);
        Assert.Same(e, Knowledge.AccelerateOnce([e]).Single());
        Assert.Same(entry, Knowledge.Accelerated(e));
        Assert.Equal("WMIC.exe", e["process_name"].Text);
    }

    [Fact]
    public void A_copy_of_a_normalized_event_carries_no_entry_and_gets_its_own()
    {
        var e = Knowledge.AccelerateOnce([TestEvents.SysmonProcessCreate()]).Single();
        var copy = e.CloneOnWrite();
        copy.Set("process_name", "changed.exe");

        Assert.Null(copy.Attachment);
        Assert.Null(e.Clone().Attachment);
        Assert.NotSame(Knowledge.Accelerated(e), Knowledge.Accelerated(copy));
        Assert.Equal("WMIC.exe", Knowledge.Accelerated(e).Event["process_name"].Text);
    }

    [Fact]
    public void Two_knowledge_bases_keep_their_own_normalized_form_of_the_same_event()
    {
        var other = KnowledgeBase.Load([], new EngineKnowledgeCompiler());
        var raw = TestEvents.SysmonProcessCreate();

        var mine = Knowledge.Accelerated(raw);
        var theirs = other.Accelerated(raw);

        Assert.NotSame(mine, theirs);
        Assert.Same(mine, Knowledge.Accelerated(raw));
        Assert.Same(theirs, other.Accelerated(raw));
        Assert.Same(theirs, other.Accelerated(theirs.Event));
        Assert.Equal("WMIC.exe", theirs.Event["process_name"].Text);
        Assert.False(raw.Has("process_name"));
    }

    [Fact]
    public void An_event_another_knowledge_base_normalized_in_place_is_normalized_once_by_this_one()
    {
        var other = KnowledgeBase.Load([], new EngineKnowledgeCompiler());
        var e = other.AccelerateOnce([TestEvents.SysmonProcessCreate()]).Single();

        var again = Knowledge.AccelerateOnce([e]).Single();
        var entry = Knowledge.Accelerated(e);

        Assert.Same(e, again);
        Assert.Same(e, entry.Event);
        Assert.Same(entry, Knowledge.Accelerated(e));
        Assert.Same(e, Knowledge.AccelerateOnce([e]).Single());
        Assert.Equal("WMIC.exe", e["process_name"].Text);
    }
}
