using Ferret.Events;
using Ferret.Testing;

namespace Ferret.Ingest.Tests.Equivalence;

/// <summary>
/// The same Windows event must become the same Splunk event whatever shape it arrives in. Real records (from
/// EVTX through the evtx reader, and from XmlWinEventLog text) are written as XmlWinEventLog text, as NXLog JSON,
/// as OTRF JSON and as Winlogbeat JSON (<see cref="CollectorShapes"/>), read back through <see cref="InputReader"/>,
/// and compared field by field. The only differences allowed are what each collector does not keep, listed here.
/// </summary>
public sealed class ShapeEquivalenceTests
{
    private const string AttackData = "data/attack_data/datasets/attack_techniques/";

    /// <summary>System values a collector does not carry.</summary>
    private static readonly Dictionary<string, string[]> CollectorLosses = new()
    {
        ["nxlog"] = ["Qualifiers", "EventSourceName", "ActivityID", "RelatedActivityID"],
        ["otrf"] = ["Version", "Opcode", "EventRecordID", "ProcessID", "ThreadID", "UserID", "Qualifiers", "EventSourceName", "ActivityID", "RelatedActivityID"],
        ["winlogbeat"] = ["Task", "Opcode", "Keywords", "Qualifiers", "EventSourceName"],
    };

    private static readonly Dictionary<string, RealRecord> Records = new RealRecord[]
    {
        new("sysmon_1", AttackData + "T1003.003/credential-dumping-via-copy/data.log", "1"),
        new("sysmon_13", AttackData + "T1112/firewall_modify_delete/firewall_mod_delete.log", "13"),
        new("powershell_4104", AttackData + "T1649/certify_abuse/certify_esc1_abuse_powershell.log", "4104"),
        new("security_4688", "data/evtx-attack-samples/Lateral Movement/LM_WMI_4624_4688_TargetHost.evtx", "4688"),
        new("security_4698", "data/evtx-attack-samples/Execution/temp_scheduled_task_4698_4699.evtx", "4698"),
        new("security_5136", "data/evtx-attack-samples/Credential Access/ACL_ForcePwd_SPNAdd_User_Computer_Accounts.evtx", "5136"),
        new("wmi_5861", "data/deepbluecli/wmi-event-filter-persistance.evtx", "5861"),
        new("system_7045", "data/evtx-attack-samples/Lateral Movement/LM_Remote_Service02_7045.evtx", "7045"),
    }.ToDictionary(r => r.Name);

    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var record in Records.Keys)
        {
            foreach (var shape in new[] { "xml", "nxlog", "otrf", "winlogbeat" })
            {
                cases.Add(record, shape);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_real_event_maps_to_the_same_fields_in_every_shape(string record, string shape)
    {
        var original = Records[record].Read();
        var xml = original.Raw!;
        var text = shape switch
        {
            "xml" => xml + "\n",
            "nxlog" => CollectorShapes.Nxlog(xml) + "\n",
            "otrf" => CollectorShapes.Otrf(xml) + "\n",
            _ => CollectorShapes.Winlogbeat(xml) + "\n",
        };

        var (events, problems) = TestInputs.ReadText(text, shape == "xml" ? ".log" : ".json");

        Assert.Empty(problems);
        var actual = Assert.Single(events);
        var allowed = Losses(shape, original);
        var expected = TestInputs.Describe(original, name => !allowed.Contains(name) && name is not ("_time" or "SystemTime"));
        Assert.Equal(expected, TestInputs.Describe(actual, name => !allowed.Contains(name) && name is not ("_time" or "SystemTime")));
        Assert.True(Math.Abs(original.Time!.Value - actual.Time!.Value) < (shape == "nxlog" ? 1 : 0.001), $"_time {actual.Time} vs {original.Time}");
        if (shape == "xml")
        {
            Assert.Equal(xml, actual.Raw);
            Assert.Equal(original["SystemTime"], actual["SystemTime"]);
        }
    }

    /// <summary>What the shape may lack or add: the collector's System losses; NXLog's level name INFO (levels 0
    /// and 4 alike) and the EventData names it folds into its own keys; a message the collector rendered; UserData,
    /// which only NXLog's message (recovered through the template) and Winlogbeat carry; Winlogbeat's level names.</summary>
    private static HashSet<string> Losses(string shape, Event original)
    {
        var losses = new HashSet<string>(CollectorLosses.GetValueOrDefault(shape, []), StringComparer.Ordinal);
        var isSysmon = original["Name"].Text == "Microsoft-Windows-Sysmon";
        switch (shape)
        {
            case "nxlog":
                if (original["Level"].Text != "0" || original["Channel"].Text != "Security")
                {
                    losses.Add("Level");
                }

                if (!isSysmon)
                {
                    losses.Add("ProcessId");
                }

                // NXLog's SID lookup hides a Data AccountName; the message gives it back where the template is known (7045).
                if (original.Has("UserID") && !Ferret.Ingest.Windows.MessageTemplates.Has(original["Name"].Text!, original["EventID"].Text!))
                {
                    losses.Add("AccountName");
                }

                losses.Add("Message");
                break;
            case "otrf":
                if (original.Has("UserData_Xml"))
                {
                    losses.UnionWith(["Namespace", "ESS", "CONSUMER", "PossibleCause", "Message"]);
                }

                break;
            case "winlogbeat":
                if (original["Level"].Text == "0")
                {
                    losses.Add("Level");
                }

                break;
        }

        return losses;
    }

    private sealed record RealRecord(string Name, string RelativePath, string EventCode)
    {
        public Event Read()
        {
            var path = SharedCorpus.Require(RelativePath);
            return InputReader.ReadFile(path, IngestOptions.Default, new ProblemCollector())
                .First(e => e["EventCode"].Text == EventCode
                    && !(e["CONSUMER"].Text?.Contains("SCM Event Log Consumer", StringComparison.Ordinal) ?? false));
        }
    }
}
