using Ferret.Events;
using Ferret.Knowledge.Compilation;

namespace Ferret.Knowledge.Tests;

/// <summary>The knowledge interpreter on small knowledge files written for each rule.</summary>
public sealed class InterpreterTests
{
    private const string ToySource = """
        name: toy
        applies_to:
          - sourcetype: toy
        precedence: 20
        extractions:
          - field: _raw
            regex: 'user=(?<raw_user>\w+)'
          - field: _raw
            regex: 'ip=(?P<ip>[\d.]+)'
            all_matches: true
        aliases:
          - old_name AS new_name
          - kept_original ASNEW kept
        calculated:
          first: '"calculated"'
          second: 'first'
          loud: 'upper(raw_user)'
          gone: 'null()'
        eventtypes:
          - name: toy_login
            search: action=login
            tags: [authentication, toy]
          - name: toy_any
            search: '*'
            tags: [toy, everything]
        """;

    private const string ToyGeneric = """
        name: toy-generic
        applies_to:
          - source: toy:*
        precedence: 10
        calculated:
          first: '"generic"'
          only_generic: '"here"'
        """;

    private const string ToyModel = """
        model: Toys
        datasets:
          - name: All_Toys
            constraint: tag=toy
            fields:
              - action
              - user
              - { name: app, eval: 'if(isnull(app), "unknown", app)' }
          - name: Logins
            parent: All_Toys
            constraint: tag=authentication
            fields: [new_name]
          - name: Failed_Logins
            parent: Logins
            constraint: result=failed
        """;

    private static KnowledgeBase Toy() =>
        KnowledgeBase.FromFiles([("toy.yml", ToySource), ("toy-generic.yml", ToyGeneric)], [("Toys.yml", ToyModel)], new EngineKnowledgeCompiler());

    private static Event ToyEvent(string raw = "user=alice ip=10.0.0.1 ip=10.0.0.2")
    {
        var e = new Event { Source = "toy:1", SourceType = "toy", Host = "h", Index = "main", Time = 42, Raw = raw };
        e.Set("action", "login");
        e.Set("old_name", "from-old");
        e.Set("kept", "already");
        e.Set("kept_original", "ignored");
        e.Set("first", "original");
        e.Set("gone", "will be removed");
        return e;
    }

    [Fact]
    public void Toy_knowledge_loads_without_problems()
    {
        Assert.Empty(Toy().Problems);
    }

    [Fact]
    public void Extraction_adds_named_groups_and_all_matches_makes_a_multivalue()
    {
        var e = ToyEvent();
        Toy().Normalize(e);
        Assert.Equal("alice", e.Text("raw_user"));
        Assert.Equal(["10.0.0.1", "10.0.0.2"], e.Texts("ip"));
    }

    [Fact]
    public void Extraction_never_overwrites_a_field_the_event_has()
    {
        var e = ToyEvent();
        e.Set("raw_user", "bob");
        Toy().Normalize(e);
        Assert.Equal("bob", e.Text("raw_user"));
    }

    [Fact]
    public void Alias_copies_the_original_and_asnew_keeps_an_existing_field()
    {
        var e = ToyEvent();
        Toy().Normalize(e);
        Assert.Equal("from-old", e.Text("new_name"));
        Assert.Equal("from-old", e.Text("old_name"));
        Assert.Equal("already", e.Text("kept"));
    }

    [Fact]
    public void Alias_of_a_missing_field_leaves_the_alias_alone()
    {
        var e = ToyEvent();
        e.Remove("old_name");
        e.Set("new_name", "untouched");
        Toy().Normalize(e);
        Assert.Equal("untouched", e.Text("new_name"));
    }

    [Fact]
    public void Calculated_fields_see_the_event_before_any_calculation()
    {
        var e = ToyEvent();
        Toy().Normalize(e);
        Assert.Equal("calculated", e.Text("first"));
        Assert.Equal("original", e.Text("second"));
    }

    [Fact]
    public void Calculated_field_can_use_an_extracted_field()
    {
        var e = ToyEvent();
        Toy().Normalize(e);
        Assert.Equal("ALICE", e.Text("loud"));
    }

    [Fact]
    public void Calculated_field_that_evaluates_to_null_removes_the_field()
    {
        var e = ToyEvent();
        Toy().Normalize(e);
        Assert.False(e.Has("gone"));
    }

    [Fact]
    public void Higher_precedence_knowledge_wins_on_the_same_field_and_lower_still_adds_its_own()
    {
        var e = ToyEvent();
        var knowledge = Toy();
        knowledge.Normalize(e);
        Assert.Equal("calculated", e.Text("first"));
        Assert.Equal("here", e.Text("only_generic"));
        Assert.Equal(["toy-generic", "toy"], knowledge.SourceNamesFor("toy:1", "toy"));
    }

    [Fact]
    public void Event_types_that_match_give_their_names_and_tags_without_duplicates()
    {
        var e = ToyEvent();
        Toy().Normalize(e);
        Assert.Equal(["toy_login", "toy_any"], e.Texts("eventtype"));
        Assert.Equal(["authentication", "toy", "everything"], e.Texts("tag"));
    }

    [Fact]
    public void Normalizing_the_same_event_twice_changes_nothing_even_when_fields_chain()
    {
        var knowledge = Toy();
        var e = ToyEvent();
        knowledge.Normalize(e);
        var once = e.Clone();
        knowledge.Normalize(e);
        Assert.Equal(once.Fields.OrderBy(f => f.Key), e.Fields.OrderBy(f => f.Key));
    }

    [Fact]
    public void Default_knowledge_gives_the_same_fields_when_run_again_on_a_copy()
    {
        // The shipped files never calculate a field from another calculated field, so even a copy of a
        // normalized event (which the knowledge base has not seen) normalizes to itself.
        var knowledge = KnowledgeBase.LoadDefault();
        foreach (var once in ShippedSamples())
        {
            knowledge.Normalize(once);
            var twice = once.Clone();
            knowledge.Normalize(twice);
            Assert.Equal(once.Fields.OrderBy(f => f.Key), twice.Fields.OrderBy(f => f.Key));
        }
    }

    private static IEnumerable<Event> ShippedSamples()
    {
        yield return TestEvents.SysmonProcessCreate();
        yield return TestEvents.Sysmon(13, ("EventType", "SetValue"), ("TargetObject", @"HKLM\a\b"), ("Details", "DWORD (0x00000001)"));
        yield return TestEvents.Sysmon(3, ("DestinationIp", "1.2.3.4"), ("SourceIp", "10.0.0.1"), ("Protocol", "tcp"), ("Initiated", "true"));
        yield return TestEvents.Security(4688, ("NewProcessName", @"C:\x\a.exe"), ("NewProcessId", "0x10"), ("ProcessId", "0x20"), ("SubjectUserName", "bob"));
        yield return TestEvents.Security(4625, ("TargetUserName", "bob"), ("IpAddress", "::ffff:10.0.0.9"), ("LogonType", "3"));
        yield return TestEvents.Windows("System", 7045, ("ServiceName", "svc"), ("ImagePath", @"C:\svc.exe"), ("StartType", "auto start"));
    }

    [Fact]
    public void Tags_decide_dataset_membership_through_every_ancestor()
    {
        var models = Toy().DataModels;
        var login = ToyEvent();
        Assert.True(models.ResolveView("Toys.All_Toys")!.TryProject(login, out _));
        Assert.True(models.ResolveView("Toys.Logins")!.TryProject(login, out _));
        Assert.False(models.ResolveView("Toys.Failed_Logins")!.TryProject(login, out _));

        var failed = ToyEvent();
        failed.Set("result", "failed");
        Assert.True(models.ResolveView("Toys.Failed_Logins")!.TryProject(failed, out _));

        var logout = ToyEvent();
        logout.Set("action", "logout");
        logout.Set("result", "failed");
        Assert.True(models.ResolveView("Toys.All_Toys")!.TryProject(logout, out _));
        Assert.False(models.ResolveView("Toys.Failed_Logins")!.TryProject(logout, out _));
    }

    [Fact]
    public void Projection_prefixes_inherited_fields_with_the_root_and_own_fields_with_the_lineage()
    {
        var view = Toy().DataModels.ResolveView("Toys.Failed_Logins");
        Assert.NotNull(view);
        var e = ToyEvent();
        e.Set("result", "failed");
        e.Set("user", "alice");
        Assert.True(view.TryProject(e, out var projected));
        Assert.Equal("login", projected.Text("All_Toys.action"));
        Assert.Equal("alice", projected.Text("All_Toys.user"));
        Assert.Equal("from-old", projected.Text("All_Toys.Logins.new_name"));
        Assert.Equal(["All_Toys.action", "All_Toys.user", "All_Toys.app", "All_Toys.Logins.new_name"], view.FieldNames);
    }

    [Fact]
    public void Projection_carries_default_fields_and_leaves_out_what_the_event_lacks()
    {
        var view = Toy().DataModels.ResolveView("Toys.All_Toys")!;
        Assert.True(view.TryProject(ToyEvent(), out var projected));
        Assert.Equal("42", projected.Text("_time"));
        Assert.Equal("h", projected.Text("host"));
        Assert.Equal("toy:1", projected.Text("source"));
        Assert.Equal("toy", projected.Text("sourcetype"));
        Assert.Equal("main", projected.Text("index"));
        Assert.False(projected.Has("All_Toys.user"));
        Assert.False(projected.Has("action"));
    }

    [Fact]
    public void Data_model_calculated_field_fills_unknown()
    {
        var view = Toy().DataModels.ResolveView("Toys.All_Toys")!;
        Assert.True(view.TryProject(ToyEvent(), out var projected));
        Assert.Equal("unknown", projected.Text("All_Toys.app"));
    }

    [Fact]
    public void Projection_does_not_change_the_raw_event()
    {
        var e = ToyEvent();
        var before = e.Clone();
        Assert.True(Toy().DataModels.ResolveView("Toys.All_Toys")!.TryProject(e, out _));
        Assert.Equal(before.Fields.OrderBy(f => f.Key), e.Fields.OrderBy(f => f.Key));
    }

    [Theory]
    [InlineData("Toys", "All_Toys")]
    [InlineData("toys.logins", "Logins")]
    [InlineData("Toys.All_Toys.Logins", "Logins")]
    public void Catalog_resolves_models_and_datasets_without_regard_to_case(string path, string dataset)
    {
        var view = Toy().DataModels.ResolveView(path);
        Assert.NotNull(view);
        Assert.Equal("Toys", view.ModelName);
        Assert.Equal(dataset, view.DatasetName);
    }

    [Theory]
    [InlineData("Nope")]
    [InlineData("Toys.Nope")]
    public void Catalog_says_null_for_what_it_does_not_know(string path)
    {
        Assert.Null(Toy().DataModels.ResolveView(path));
    }

    [Fact]
    public void Broken_definitions_are_reported_with_file_and_line_and_the_rest_still_loads()
    {
        const string broken = """
            name: broken
            applies_to:
              - sourcetype: toy
            aliases:
              - this is not an alias
            calculated:
              bad: 'if(('
              good: '"fine"'
            extractions:
              - field: _raw
                regex: '(?<unclosed'
            """;
        var knowledge = KnowledgeBase.FromFiles([("broken.yml", broken), ("notyaml.yml", "name: [unclosed")], [], new EngineKnowledgeCompiler());

        Assert.Contains(knowledge.Problems, p => p.File == "broken.yml" && p.Line == 5 && p.Message.Contains("alias", StringComparison.Ordinal));
        Assert.Contains(knowledge.Problems, p => p.File == "broken.yml" && p.Message.Contains("'bad'", StringComparison.Ordinal));
        Assert.Contains(knowledge.Problems, p => p.File == "broken.yml" && p.Message.Contains("regex", StringComparison.Ordinal));
        Assert.Contains(knowledge.Problems, p => p.File == "notyaml.yml");

        var e = new Event { SourceType = "toy" };
        knowledge.Normalize(e);
        Assert.Equal("fine", e.Text("good"));
    }
}
