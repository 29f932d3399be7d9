using Ferret.Ingest.Tests.Xml;

namespace Ferret.Ingest.Tests.Json;

public sealed class JsonLinesReaderTests
{
    // A Sysmon 1 record as NXLog im_msvistalog writes it (shortened from the T1047 attack_data capture): the
    // System ProcessID hides Sysmon's ProcessId (NXLog folds key case), values are still XML-escaped.
    private const string NxlogSysmon =
        """{"EventTime":"2020-08-01 07:53:25","Hostname":"win-dc.attackrange.local","Keywords":-9223372036854775808,"EventType":"INFO","SeverityValue":2,"Severity":"INFO","EventID":1,"SourceName":"Microsoft-Windows-Sysmon","ProviderGuid":"{5770385F-C22A-43E0-BF4C-06F5698FFBD9}","Version":5,"Task":1,"OpcodeValue":0,"RecordNumber":1851,"ProcessID":2804,"ThreadID":3356,"Channel":"Microsoft-Windows-Sysmon/Operational","Domain":"NT AUTHORITY","AccountName":"SYSTEM","UserID":"S-1-5-18","AccountType":"User","Message":"Process Create:\r\nRuleName: \r\nUtcTime: 2020-08-01 07:53:25.736\r\nProcessId: 3852\r\nImage: C:\\Windows\\System32\\cmd.exe\r\nCommandLine: cmd /c x 2>&1","Category":"Process Create (rule: ProcessCreate)","Opcode":"Info","UtcTime":"2020-08-01 07:53:25.736","Image":"C:\\Windows\\System32\\cmd.exe","CommandLine":"cmd /c x 2&gt;&amp;1","EventReceivedTime":"2020-08-01 07:53:26","SourceModuleName":"eventlog","SourceModuleType":"im_msvistalog"}""";

    [Theory]
    [InlineData("EventCode", "1")]
    [InlineData("Name", "Microsoft-Windows-Sysmon")]
    [InlineData("Guid", "{5770385F-C22A-43E0-BF4C-06F5698FFBD9}")]
    [InlineData("Keywords", "0x8000000000000000")]
    [InlineData("Task", "1")]
    [InlineData("Opcode", "0")]
    [InlineData("Version", "5")]
    [InlineData("EventRecordID", "1851")]
    [InlineData("ProcessID", "2804")]
    [InlineData("ProcessId", "3852")]
    [InlineData("ThreadID", "3356")]
    [InlineData("UserID", "S-1-5-18")]
    [InlineData("Computer", "win-dc.attackrange.local")]
    [InlineData("host", "win-dc.attackrange.local")]
    [InlineData("source", "XmlWinEventLog:Microsoft-Windows-Sysmon/Operational")]
    [InlineData("sourcetype", "XmlWinEventLog")]
    [InlineData("SystemTime", "2020-08-01T07:53:25.000000000Z")]
    [InlineData("CommandLine", "cmd /c x 2&gt;&amp;1")]
    [InlineData("Image", "C:\\Windows\\System32\\cmd.exe")]
    public void Nxlog_records_map_to_the_fields_of_the_xml_path(string field, string expected)
    {
        var (events, problems) = TestInputs.ReadText(NxlogSysmon + "\n", ".json");

        Assert.Empty(problems);
        Assert.Equal(expected, Assert.Single(events)[field].Text);
    }

    [Theory]
    [InlineData("AUDIT_SUCCESS", "0")]
    [InlineData("WARNING", "3")]
    [InlineData("VERBOSE", "5")]
    [InlineData("INFO", null)]
    public void Nxlog_event_type_gives_the_level_only_where_it_is_unambiguous(string eventType, string? level)
    {
        var line = NxlogSysmon.Replace("\"EventType\":\"INFO\"", $"\"EventType\":\"{eventType}\"", StringComparison.Ordinal);

        Assert.Equal(level, Assert.Single(TestInputs.ReadText(line, ".json").Events)["Level"].Text);
    }

    [Fact]
    public void Nxlog_wmi_events_get_their_user_data_back_from_the_rendered_message()
    {
        const string line = """{"EventTime":"2020-09-01 21:43:49","Hostname":"W6","EventType":"INFO","EventID":5861,"SourceName":"Microsoft-Windows-WMI-Activity","Channel":"Microsoft-Windows-WMI-Activity/Operational","RecordNumber":421,"Message":"Namespace = //./root/subscription; Eventfilter = WSUS_QQTJ7 (refer to its activate eventid:5859); Consumer = ActiveScriptEventConsumer=\"WSUS_RP5ZB\"; PossibleCause = Binding EventFilter: \ninstance of __EventFilter\n{ Name = \"x; y\"; };"}""";

        var e = Assert.Single(TestInputs.ReadText(line, ".json").Events);

        Assert.Equal("//./root/subscription", e["Namespace"].Text);
        Assert.Equal("WSUS_QQTJ7", e["ESS"].Text);
        Assert.Equal("ActiveScriptEventConsumer=\"WSUS_RP5ZB\"", e["CONSUMER"].Text);
        Assert.Equal("Binding EventFilter: \ninstance of __EventFilter\n{ Name = \"x; y\"; };", e["PossibleCause"].Text);
        Assert.Contains("<UserData><Operation_ESStoConsumerBinding>", e.Raw, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_values_of_other_collectors_are_not_unescaped_a_second_time()
    {
        // OTRF schtask_create holds the task XML decoded once; the task's own "&gt;" is text and must stay.
        const string line = """{"SourceName":"Microsoft-Windows-Security-Auditing","Channel":"Security","Hostname":"W","TimeCreated":"2020-12-19T07:00:22.264Z","EventID":4698,"TaskName":"\\T","TaskContent":"<Arguments>/C a &gt; b</Arguments>"}""";

        var e = Assert.Single(TestInputs.ReadText(line, ".json").Events);

        Assert.Equal("&lt;Arguments&gt;/C a &amp;gt; b&lt;/Arguments&gt;", e["TaskContent"].Text);
    }

    [Fact]
    public void Nxlog_data_lost_under_its_own_keys_comes_back_from_a_templated_message()
    {
        // 7045 from the T1047 capture, with a service account: NXLog's AccountName is its SID lookup (AccountType present).
        const string line = """{"EventTime":"2020-08-01 05:48:50","Hostname":"win-dc","EventType":"INFO","EventID":7045,"SourceName":"Service Control Manager","Channel":"System","Domain":"NT AUTHORITY","AccountName":"SYSTEM","UserID":"S-1-5-18","AccountType":"User","Message":"A service was installed in the system.\r\n\r\nService Name:  npf\r\nService File Name:  C:\\npf.sys\r\nService Type:  kernel mode driver\r\nService Start Type:  demand start\r\nService Account:  LocalSystem","ServiceName":"npf","ImagePath":"C:\\npf.sys","ServiceType":"kernel mode driver","StartType":"demand start","SourceModuleType":"im_msvistalog"}""";

        var e = Assert.Single(TestInputs.ReadText(line, ".json").Events);

        Assert.Equal("LocalSystem", e["AccountName"].Text);
        Assert.Equal("npf", e["ServiceName"].Text);
        Assert.Contains("<Data Name='StartType'>demand start</Data><Data Name='AccountName'>LocalSystem</Data>", e.Raw, StringComparison.Ordinal);
    }

    [Fact]
    public void Nxlog_collector_keys_do_not_become_fields()
    {
        var e = Assert.Single(TestInputs.ReadText(NxlogSysmon, ".json").Events);

        foreach (var collectorKey in new[] { "EventType", "SeverityValue", "Category", "EventReceivedTime", "SourceModuleName", "AccountName", "Domain", "Hostname", "RecordNumber" })
        {
            Assert.False(e.Has(collectorKey), collectorKey);
        }
    }

    [Fact]
    public void Nxlog_raw_is_the_windows_xml_rendered_from_the_record()
    {
        var e = Assert.Single(TestInputs.ReadText(NxlogSysmon, ".json").Events);

        Assert.StartsWith("<Event xmlns=", e.Raw, StringComparison.Ordinal);
        Assert.Contains("<Data Name='CommandLine'>cmd /c x 2&gt;&amp;1</Data>", e.Raw, StringComparison.Ordinal);
    }

    [Fact]
    public void Nxlog_event_time_is_shifted_by_the_agent_offset_when_logstash_gives_utc()
    {
        const string line = """{"EventTime":"2020-09-01 21:43:49","EventReceivedTime":"2020-09-01 21:43:50","@timestamp":"2020-09-02T01:43:50.870Z","Hostname":"W","EventID":4104,"SourceName":"Microsoft-Windows-PowerShell","Channel":"Microsoft-Windows-PowerShell/Operational","ExecutionProcessID":3448,"ThreadID":5388,"ScriptBlockText":"prompt","ProcessID":"17"}""";

        var e = Assert.Single(TestInputs.ReadText(line, ".json").Events);

        Assert.Equal("2020-09-02T01:43:49.000000000Z", e["SystemTime"].Text);
        Assert.Equal("3448", e["ProcessID"].Text);
        Assert.Equal(["3448", "17"], e["ProcessID"].Texts);
    }

    [Fact]
    public void Winlogbeat_records_map_event_data_and_system_values()
    {
        const string line = """{"@timestamp":"2021-03-23T09:56:13.137Z","message":"Special privileges assigned to new logon.","log":{"level":"information"},"winlog":{"channel":"Security","computer_name":"vagrant","event_id":"4672","provider_name":"Microsoft-Windows-Security-Auditing","provider_guid":"{54849625-5478-4994-a5ba-3e3b0328c30d}","record_id":11303,"process":{"pid":652,"thread":{"id":4660}},"event_data":{"SubjectUserSid":"S-1-5-18","SubjectUserName":"SYSTEM","PrivilegeList":"SeTcbPrivilege <x>"}}}""";

        var e = Assert.Single(TestInputs.ReadText(line, ".json").Events);

        Assert.Equal("4672", e["EventCode"].Text);
        Assert.Equal("vagrant", e.Host);
        Assert.Equal("XmlWinEventLog:Security", e.Source);
        Assert.Equal("652", e["ProcessID"].Text);
        Assert.Equal("4660", e["ThreadID"].Text);
        Assert.Equal("4", e["Level"].Text);
        Assert.Equal("SeTcbPrivilege &lt;x&gt;", e["PrivilegeList"].Text);
        Assert.Equal("Special privileges assigned to new logon.", e["Message"].Text);
    }

    [Fact]
    public void Winlogbeat_original_xml_is_the_event_when_present()
    {
        var xml = XmlWinEventLogReaderTests.Event(7);
        var line = "{\"event\":{\"original\":" + System.Text.Json.JsonSerializer.Serialize(xml) + "},\"winlog\":{\"channel\":\"ignored\"}}";

        var e = Assert.Single(TestInputs.ReadText(line, ".json").Events);

        Assert.Equal(xml, e.Raw);
        Assert.Equal("7", e["EventRecordID"].Text);
    }

    [Fact]
    public void Generic_json_is_flattened_as_splunk_spath_names_fields()
    {
        const string line = """{"source":"PINGID","recorded":"2023-05-10T16:07:27.763Z","actors":[{"type":"user","name":"victim"}],"resources":[{"ip":"1.2.3.4"},{"ip":"5.6.7.8"}],"result":{"status":"SUCCESS","ok":true,"n":3,"none":null}}""";

        var e = Assert.Single(TestInputs.ReadText(line, ".json").Events);

        Assert.Equal("_json", e.SourceType);
        Assert.Equal("victim", e["actors{}.name"].Text);
        Assert.Equal(["1.2.3.4", "5.6.7.8"], e["resources{}.ip"].Texts);
        Assert.Equal("SUCCESS", e["result.status"].Text);
        Assert.Equal("true", e["result.ok"].Text);
        Assert.Equal("3", e["result.n"].Text);
        Assert.False(e.Has("result.none"));
        Assert.Equal(line, e.Raw);
        Assert.Equal(new DateTimeOffset(2023, 5, 10, 16, 7, 27, 763, TimeSpan.Zero).ToUnixTimeMilliseconds() / 1000.0, e.Time!.Value, 3);
    }

    [Fact]
    public void A_forced_sourcetype_and_source_apply_and_windows_shaped_json_is_then_read_generically()
    {
        var options = new IngestOptions { SourceType = "zscalernss-web", Source = "zscaler", Host = "proxy" };

        var e = Assert.Single(TestInputs.ReadText(NxlogSysmon, ".json", options).Events);

        Assert.Equal("zscalernss-web", e.SourceType);
        Assert.Equal("zscaler", e.Source);
        Assert.Equal("proxy", e.Host);
        Assert.Equal("2804", e["ProcessID"].Text);
        Assert.False(e.Has("EventCode"));
    }

    [Fact]
    public void Objects_written_back_to_back_on_one_line_are_separate_events_with_their_own_raw()
    {
        var (events, problems) = TestInputs.ReadText("{\"n\":1} {\"n\":2}{\"n\":3}\n", ".json");

        Assert.Empty(problems);
        Assert.Equal(["{\"n\":1}", "{\"n\":2}", "{\"n\":3}"], events.Select(e => e.Raw));
    }

    [Fact]
    public void A_malformed_json_line_is_reported_with_its_number_and_the_rest_is_read()
    {
        var text = "{\"a\":1,\"time\":1700000000}\n{\"a\":2,\n\n{\"a\":3}\n";

        var (events, problems) = TestInputs.ReadText(text, ".json");

        Assert.Equal(["1", "3"], events.Select(e => e["a"].Text));
        var problem = Assert.Single(problems);
        Assert.Equal("line 2", problem.Location);
        Assert.Contains("malformed JSON", problem.Message, StringComparison.Ordinal);
    }
}
