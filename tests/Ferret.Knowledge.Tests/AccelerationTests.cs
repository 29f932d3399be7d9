using Ferret.Events;
using Ferret.Knowledge.Compilation;

namespace Ferret.Knowledge.Tests;

/// <summary>Each event is normalized and projected once, however many searches ask for it.</summary>
public sealed class AccelerationTests
{
    private static readonly KnowledgeBase Knowledge = KnowledgeBase.LoadDefault();

    [Fact]
    public void The_same_event_is_normalized_once_and_shared()
    {
        var e = TestEvents.SysmonProcessCreate();
        var first = Knowledge.Accelerated(e);
        var second = Knowledge.Accelerated(e);
        Assert.Same(first, second);
        Assert.Equal("WMIC.exe", first.Event["process_name"].Text);
        Assert.False(e.Has("process_name"));
    }

    [Fact]
    public void Accelerate_yields_normalized_copies_that_searches_find_in_the_cache()
    {
        var raw = new[] { TestEvents.SysmonProcessCreate(), TestEvents.Sysmon(11, ("TargetFilename", @"C:\a.txt")) };
        var accelerated = Knowledge.Accelerate(raw).ToList();

        Assert.Equal(["WMIC.exe", null], accelerated.Select(e => e["process_name"].Text));
        Assert.Same(Knowledge.Accelerated(accelerated[0]).Event, accelerated[0]);
        Assert.All(raw, e => Assert.False(e.Has("tag")));
    }

    [Fact]
    public void Views_hand_out_copies_so_a_search_may_change_its_projection()
    {
        var e = TestEvents.SysmonProcessCreate();
        var view = Knowledge.DataModels.Resolve("Endpoint.Processes")!;
        Assert.True(view.TryProject(e, out var first));
        first.Set("Processes.process_name", "changed by a search");
        Assert.True(view.TryProject(e, out var second));
        Assert.Equal("WMIC.exe", second["Processes.process_name"].Text);
    }

    [Fact]
    public void Membership_is_computed_once_per_event_and_dataset()
    {
        var calls = 0;
        var counting = new CountingCompiler(() => Interlocked.Increment(ref calls));
        const string model = """
            model: Counted
            datasets:
              - name: All
                constraint: tag=toy
                fields: [user]
            """;
        const string source = """
            name: toy
            applies_to:
              - sourcetype: toy
            eventtypes:
              - name: toy
                search: '*'
                tags: [toy]
            """;
        var knowledge = KnowledgeBase.FromFiles([("toy.yml", source)], [("Counted.yml", model)], counting);
        var e = new Event { SourceType = "toy" };
        var view = knowledge.DataModels.Resolve("Counted.All")!;
        var before = calls;
        for (var i = 0; i < 100; i++)
        {
            Assert.True(view.TryProject(e, out _));
        }

        // One event type match while normalizing, one constraint test: not one per search.
        Assert.Equal(2, calls - before);
    }

    /// <summary>The engine's compiler, counting how often a compiled search (event type or dataset constraint) runs.</summary>
    private sealed class CountingCompiler(Action onConstraint) : IKnowledgeCompiler
    {
        private readonly EngineKnowledgeCompiler _engine = new();

        public Func<Event, FieldValue>? CompileEval(string expression, out IReadOnlyList<string> errors) =>
            _engine.CompileEval(expression, out errors);

        public Func<Event, bool>? CompileSearch(string searchTerms, out IReadOnlyList<string> errors)
        {
            var compiled = _engine.CompileSearch(searchTerms, out errors);
            return compiled is null ? null : e =>
            {
                onConstraint();
                return compiled(e);
            };
        }
    }
}
