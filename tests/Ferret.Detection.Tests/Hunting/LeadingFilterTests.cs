using Ferret.Detection.Hunting;

namespace Ferret.Detection.Tests.Hunting;

public sealed class LeadingFilterTests
{
    public static TheoryData<string, string> Cases => new()
    {
        { "(source=\"XmlWinEventLog:Security\" OR Channel=\"Security\") EventCode=4698 TaskContent IN (\"*cmd.exe*\")", "EventCode=4698" },
        { "(source=\"XmlWinEventLog:Security\" OR Channel=Security) TaskContent=\"*cmd*\"", "source=xmlwineventlog:security Channel=security" },
        { "EventCode=4104 OR EventCode=4103 | stats count", "EventCode=4104 EventCode=4103" },
        { "EventCode IN (4624, 4625) | stats count", "EventCode=4624 EventCode=4625" },
        { "sourcetype=\"WinEventLog*\" | stats count", "(all events)" },
        { "NOT EventCode=1", "(all events)" },
        { "EventCode=1 OR process_name=*cmd*", "(all events)" },
        { "* | stats count", "(all events)" },
        { "| tstats count from datamodel=Endpoint.Processes where Processes.process_name=wmic.exe by Processes.dest", "datamodel Endpoint.Processes" },
        { "| inputlookup some_lookup | where x=1", "(no events)" },
        { "| makeresults | eval a=1", "(no events)" },
        { "EventCode=4742 | join user [search EventCode=4624 | fields user]", "EventCode=4742 EventCode=4624" },
        { "EventCode=4742 | map search=\"search EventCode=4624 TargetLogonId=$TargetLogonId$\"", "EventCode=4742 EventCode=4624" },
        { "EventCode=4742 | map search=\"search TargetLogonId=$TargetLogonId$\"", "(all events)" },
        { "EventCode=4742 | append [search EventCode=5136] | appendpipe [stats count]", "EventCode=4742 EventCode=5136" },
        { "EventCode=1 [search EventCode=3 | fields dest]", "EventCode=1 EventCode=3" },
        { "| makeresults | join x [search EventCode=4688]", "EventCode=4688" },
        { "| tstats count from datamodel=Endpoint.Processes by Processes.dest | join dest [| tstats count from datamodel=Endpoint.Processes by Processes.dest]", "datamodel Endpoint.Processes" },
        { "| tstats count from datamodel=Endpoint.Processes by Processes.dest | join dest [| tstats count from datamodel=Endpoint.Filesystem by Filesystem.dest]", "(all events)" },
        { "EventCode=4742 | join user [search user=*admin*]", "(all events)" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_leading_command_and_every_subsearch_give_a_necessary_condition_on_events(string search, string expected)
    {
        var filter = LeadingFilter.Of(search);

        var described = filter.Kind switch
        {
            LeadingFilterKind.FieldValues => string.Join(' ', filter.Keys.Select(k => $"{k.Field}={k.Value}")),
            LeadingFilterKind.DataModel => $"datamodel {filter.Dataset}",
            LeadingFilterKind.NoEvents => "(no events)",
            _ => "(all events)",
        };
        Assert.Equal(expected, described);
    }
}
