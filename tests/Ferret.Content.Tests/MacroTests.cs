using Ferret.Content.Macros;
using Ferret.Events;

namespace Ferret.Content.Tests;

public sealed class MacroTests
{
    [Fact]
    public void Content_macros_keep_their_arguments_and_definition()
    {
        var repository = Fixture.Load().Repository;

        var ctime = repository.FindMacro("security_content_ctime", 1);
        Assert.NotNull(ctime);
        Assert.Equal(["field"], ctime.Arguments);
        Assert.Equal("security_content_ctime(1)", ctime.Key);
        Assert.Equal("convert timeformat=\"%Y-%m-%dT%H:%M:%S\" ctime($field$)", ctime.Definition);
        Assert.Null(repository.FindMacro("security_content_ctime", 0));
        Assert.Equal(MacroOrigin.Content, repository.FindMacro("sysmon", 0)!.Origin);
    }

    [Fact]
    public void Local_overrides_replace_definitions_of_the_same_name_and_arity_and_add_new_ones()
    {
        var original = Fixture.Load().Repository;

        var overridden = original.WithOverrides(Path.Combine(Fixture.Folder, "overrides.yml"));

        Assert.Equal("index=edr sourcetype=sysmon", overridden.FindMacro("sysmon", 0)!.Definition);
        Assert.Equal(MacroOrigin.LocalOverride, overridden.FindMacro("sysmon", 0)!.Origin);
        Assert.Equal("eval $field$=strftime($field$, \"%F %T\")", overridden.FindMacro("security_content_ctime", 1)!.Definition);
        Assert.NotNull(overridden.FindMacro("brand_new_macro", 0));
        Assert.Equal(original.MacroDefinitions.Count + 1, overridden.MacroDefinitions.Count);
        Assert.StartsWith("sourcetype=XmlWinEventLog", original.FindMacro("sysmon", 0)!.Definition, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_overrides_file_stops_with_its_name_and_line()
    {
        var repository = Fixture.Load().Repository;

        var error = Assert.Throws<ContentException>(() => repository.WithOverrides(Path.Combine(Fixture.Folder, "bad_overrides.yml")));

        Assert.Contains("bad_overrides.yml: line ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_overrides_file_is_reported_to_the_sink_and_nothing_changes()
    {
        var repository = Fixture.Load().Repository;
        var problems = new ProblemCollector();

        var same = repository.WithOverrides("/nonexistent/overrides.yml", problems);

        Assert.Same(repository, same);
        Assert.Contains("not found", Assert.Single(problems.Problems).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sysmon", "Microsoft-Windows-Sysmon/Operational")]
    [InlineData("powershell", "Microsoft-Windows-PowerShell/Operational")]
    [InlineData("wmi", "Microsoft-Windows-WMI-Activity/Operational")]
    [InlineData("wineventlog_security", "Security")]
    [InlineData("wineventlog_system", "System")]
    [InlineData("wineventlog_application", "Application")]
    [InlineData("wineventlog_task_scheduler", "Microsoft-Windows-TaskScheduler/Operational")]
    [InlineData("printservice", "Microsoft-Windows-PrintService/Operational")]
    public void Environment_defaults_select_what_Ferret_ingestion_assigns(string macro, string channel)
    {
        var problems = new ProblemCollector();
        var repository = Fixture.Load().Repository.WithEnvironmentDefaults(problems);

        var definition = repository.FindMacro(macro, 0);

        Assert.Empty(problems.Problems);
        Assert.NotNull(definition);
        Assert.Equal(MacroOrigin.FerretEnvironment, definition.Origin);
        Assert.Contains($"source=\"XmlWinEventLog:{channel}\"", definition.Definition, StringComparison.Ordinal);
        Assert.Contains($"Channel=\"{channel}\"", definition.Definition, StringComparison.Ordinal);
        Assert.DoesNotContain("index=", definition.Definition, StringComparison.Ordinal);
    }

    [Fact]
    public void Local_overrides_win_over_environment_defaults()
    {
        var repository = Fixture.Load().Repository
            .WithEnvironmentDefaults(new ProblemCollector())
            .WithOverrides(Path.Combine(Fixture.Folder, "overrides.yml"));

        Assert.Equal("index=edr sourcetype=sysmon", repository.FindMacro("sysmon", 0)!.Definition);
        Assert.Equal(MacroOrigin.FerretEnvironment, repository.FindMacro("wineventlog_security", 0)!.Origin);
    }

    [Fact]
    public void The_macro_table_layers_built_ins_content_and_overrides()
    {
        var repository = Fixture.Load().Repository.WithOverrides(Path.Combine(Fixture.Folder, "overrides.yml"));

        var table = repository.Macros;

        Assert.Equal("index=edr sourcetype=sysmon", table.Find("sysmon", 0)!.Definition);
        Assert.Equal("eval $field$=strftime($field$, \"%F %T\")", table.Find("security_content_ctime", 1)!.Definition);
        Assert.True(table.IsBuiltIn("drop_dm_object_name", 1));
        Assert.Equal("search *", table.Find("anything_filter", 0)!.Definition);
    }
}
