using Ferret.Events;
using Ferret.Knowledge.Compilation;
using Ferret.Knowledge.Conf;

namespace Ferret.Knowledge.Tests;

/// <summary>The per-event work of normalization and projection, made cheap (no copies, values shared between events),
/// still gives each event exactly its own fields.</summary>
public sealed class PerEventWorkTests
{
    private static readonly KnowledgeBase Knowledge = KnowledgeBase.LoadDefault();

    [Theory]
    [InlineData("Endpoint.Processes")]
    [InlineData("Endpoint")]
    public void An_event_outside_a_view_gets_no_projection_shared_or_copied(string path)
    {
        var registry = TestEvents.Sysmon(13, ("TargetObject", @"HKLM\Software\Run\x"), ("EventType", "SetValue"));
        var file = TestEvents.Security(4663, ("ObjectName", @"C:\a.txt"));
        var view = Knowledge.DataModels.Resolve(path)!;

        Assert.False(view.TryProjectShared(file, out var shared));
        Assert.Null(shared);
        Assert.False(view.TryProject(file, out var copied));
        Assert.Null(copied);
        Assert.False(view.Contains(file));
        Assert.Equal(path == "Endpoint", view.Contains(registry));
    }

    [Fact]
    public void A_projection_holds_the_fields_the_event_has_and_the_default_fields_only()
    {
        var e = TestEvents.SysmonProcessCreate();
        Assert.True(Knowledge.DataModels.Resolve("Endpoint.Processes")!.TryProjectShared(e, out var projected));

        Assert.Equal("WMIC.exe", projected["Processes.process_name"].Text);
        Assert.Equal("win-host", projected.Host);
        Assert.Equal("<Event>1</Event>", projected.Raw);
        Assert.False(projected.Has("Processes.process_hash_sha512"));
        Assert.All(projected.Fields, f => Assert.False(f.Value.IsNull));
    }

    [Fact]
    public void Accelerate_leaves_the_raw_event_as_it_was_and_its_copy_keeps_the_origin()
    {
        var raw = TestEvents.SysmonProcessCreate();
        raw.Origin = new EventOrigin("sysmon.evtx", 7);
        var before = raw.Fields.ToDictionary(f => f.Key, f => f.Value);

        var normalized = Knowledge.Accelerate([raw]).Single();

        Assert.NotSame(raw, normalized);
        Assert.Equal(before, raw.Fields.ToDictionary(f => f.Key, f => f.Value));
        Assert.Equal(raw.Origin, normalized.Origin);
        Assert.All(before, f => Assert.Equal(f.Value, normalized[f.Key]));
        Assert.Equal("high", normalized["process_integrity_level"].Text);
    }

    /// <summary>A hunt hands its reader's events over: normalizing them in place must give exactly the fields, values and
    /// order of the normalized copy <see cref="KnowledgeBase.Accelerate"/> makes, for every kind of event the shipped
    /// knowledge covers (and for one whose reader removed a field, whose freed slot must not take a later field).</summary>
    [Fact]
    public void An_event_normalized_in_place_reads_and_lists_as_its_normalized_copy()
    {
        static Event WithRemovedField()
        {
            var e = TestEvents.Security(4688, ("NewProcessName", @"C:\Windows\System32\cmd.exe"), ("Transient", "x"));
            e.Remove("Transient");
            return e;
        }

        Func<Event>[] kinds =
        [
            TestEvents.SysmonProcessCreate,
            () => TestEvents.Sysmon(13, ("TargetObject", @"HKLM\Software\Run\x"), ("EventType", "SetValue")),
            () => TestEvents.Security(4624, ("TargetUserName", "alice"), ("LogonType", "3"), ("IpAddress", "10.0.0.5")),
            () => TestEvents.Security(4663, ("ObjectName", @"C:\a.txt")),
            WithRemovedField,
        ];
        foreach (var make in kinds)
        {
            var copied = Knowledge.Accelerate([make()]).Single();
            var owned = make();

            var inPlace = Knowledge.AccelerateOnce([owned]).Single();

            Assert.Same(owned, inPlace);
            Assert.Equal(copied.Fields.Select(f => (f.Key, f.Value)), inPlace.Fields.Select(f => (f.Key, f.Value)));
            Assert.Same(inPlace, Knowledge.Accelerated(inPlace).Event);
        }
    }

    [Fact]
    public void An_event_given_to_AccelerateOnce_again_is_not_normalized_twice()
    {
        const string source = """
            name: toy
            applies_to:
              - sourcetype: toy
            calculated:
              count: count + 1
            """;
        var knowledge = KnowledgeBase.FromFiles([("toy.yml", source)], [], new EngineKnowledgeCompiler());
        var e = new Event { SourceType = "toy", ["count"] = "1" };

        var first = knowledge.AccelerateOnce([e]).Single();
        var second = knowledge.AccelerateOnce([first]).Single();

        Assert.Same(first, second);
        Assert.Equal("2", second["count"].ToString());
    }

    [Fact]
    public void Events_of_one_source_with_different_matching_event_types_each_get_their_own_names_and_tags()
    {
        const string source = """
            name: toy
            applies_to:
              - sourcetype: toy
            eventtypes:
              - name: toy_login
                search: action=login
                tags: [authentication, toy]
              - name: toy_failed
                search: result=failure
                tags: [failure, toy]
            """;
        var knowledge = KnowledgeBase.FromFiles([("toy.yml", source)], [], new EngineKnowledgeCompiler());
        Event Toy(string action, string result) => new() { SourceType = "toy", ["action"] = action, ["result"] = result };

        var events = knowledge.AccelerateOnce([Toy("login", "failure"), Toy("login", "success"), Toy("logout", "failure"), Toy("login", "failure"), Toy("logout", "success")]).ToList();

        Assert.Equal(
            [["toy_login", "toy_failed"], ["toy_login"], ["toy_failed"], ["toy_login", "toy_failed"], []],
            events.Select(e => e["eventtype"].Texts.ToArray()));
        Assert.Equal(
            [["authentication", "toy", "failure"], ["authentication", "toy"], ["failure", "toy"], ["authentication", "toy", "failure"], []],
            events.Select(e => e["tag"].Texts.ToArray()));
        Assert.Equal(events.Select(e => e["tag"]), events.Select(e => e["tag::eventtype"]));
    }

    [Fact]
    public void Calculated_fields_read_the_event_as_aliased_and_not_each_other()
    {
        const string source = """
            name: toy
            applies_to:
              - sourcetype: toy
            aliases:
              - usr AS user
            calculated:
              user: upper(user)
              copy: user
            """;
        var knowledge = KnowledgeBase.FromFiles([("toy.yml", source)], [], new EngineKnowledgeCompiler());

        var normalized = knowledge.AccelerateOnce([new Event { SourceType = "toy", ["usr"] = "alice" }]).Single();

        Assert.Equal("ALICE", normalized["user"].Text);
        Assert.Equal("alice", normalized["copy"].Text);
        Assert.Equal("alice", normalized["usr"].Text);
    }

    [Fact]
    public void An_extraction_with_all_matches_gives_every_match_and_one_without_gives_the_first()
    {
        const string source = """
            name: toy
            applies_to:
              - sourcetype: toy
            extractions:
              - field: _raw
                regex: 'k=(?<first>\w+)'
              - field: _raw
                regex: 'k=(?<every>\w+)'
                all_matches: true
              - field: _raw
                regex: 'z=(?<absent>\w+)'
            """;
        var knowledge = KnowledgeBase.FromFiles([("toy.yml", source)], [], new EngineKnowledgeCompiler());

        var normalized = knowledge.AccelerateOnce([new Event { SourceType = "toy", Raw = "k=a k=b k=c" }]).Single();

        Assert.Equal(["a"], normalized["first"].Texts);
        Assert.Equal(["a", "b", "c"], normalized["every"].Texts);
        Assert.False(normalized.Has("absent"));
    }

    [Fact]
    public void An_app_event_type_adds_its_name_and_tags_after_the_sources_and_one_that_does_not_match_changes_nothing()
    {
        const string source = """
            name: toy
            applies_to:
              - sourcetype: toy
            eventtypes:
              - name: toy_any
                search: '*'
                tags: [toy, shared]
            """;
        var app = new SplunkApp(
            "user_app",
            [
                ("props.conf", "[toy]\nEVAL-seen = \"yes\"\n"),
                ("eventtypes.conf", "[app_alpha]\nsearch = sourcetype=toy kind=alpha\n"),
                ("tags.conf", "[eventtype=app_alpha]\nshared = enabled\nalpha = enabled\n"),
            ],
            [],
            new Dictionary<string, Func<TextReader>>());
        var knowledge = KnowledgeBase.FromFiles([("toy.yml", source)], [], new EngineKnowledgeCompiler(), [app]);

        var events = knowledge.AccelerateOnce([new Event { SourceType = "toy", ["kind"] = "alpha" }, new Event { SourceType = "toy", ["kind"] = "beta" }]).ToList();

        Assert.Equal(["toy_any", "app_alpha"], events[0]["eventtype"].Texts);
        Assert.Equal(["toy", "shared", "alpha"], events[0]["tag"].Texts);
        Assert.Equal(["toy", "shared", "alpha"], events[0]["tag::eventtype"].Texts);
        Assert.Equal(["toy_any"], events[1]["eventtype"].Texts);
        Assert.Equal(["toy", "shared"], events[1]["tag"].Texts);
        Assert.Equal("yes", events[1]["seen"].Text);
    }
}
