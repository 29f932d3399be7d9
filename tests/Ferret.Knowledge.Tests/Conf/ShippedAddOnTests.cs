using Ferret.Events;
using Ferret.Ingest;
using Ferret.Knowledge.Compilation;
using Ferret.Testing;

namespace Ferret.Knowledge.Tests.Conf;

/// <summary>The configuration layer against two real add-ons as shipped (../shared/apps: Palo Alto Networks' TA and a
/// Suricata TA), read from where they are, never copied.</summary>
public sealed class ShippedAddOnTests
{
    private const string PanTraffic =
        "577 <14>1 2024-02-22T12:33:50-05:00 PALO220.ATTACK_RANGE.LAN - - - - 1,2024/02/22 12:33:50,012801036556,TRAFFIC,end,2305,2024/02/22 12:33:50,192.168.1.205,147.28.146.44,201.17.96.104,147.28.146.44,No_Vuln_Filtering_OUT,,,screenconnect,vsys1,Trust,Untrust,ethernet1/2,ethernet1/1,splunk_range,2024/02/22 12:33:50,14740,1,50624,443,11024,443,0x40005e,tcp,allow,7419,6609,810,25,2024/02/22 12:32:29,65,any,0,376156893,0x0,192.168.0.0-192.168.255.255,United States,0,14,11,tcp-fin,0,0,0,0,,PALO220,from-policy,,,0,,0,,N/A,0,0,0,0,0862e58b-4a54-436b-b3ac-ea3eccf8403b,0,0,,,,,,,";

    private const string SuricataFlow =
        """{"timestamp":"2023-10-17T01:24:52.149017+0000","flow_id":721124494649885,"event_type":"flow","src_ip":"192.0.2.1","src_port":30880,"dest_ip":"192.0.2.2","dest_port":80,"proto":"TCP","app_proto":"http","flow":{"pkts_toserver":6,"pkts_toclient":4,"bytes_toserver":640,"bytes_toclient":660,"age":108},"tcp":{"tcp_flags":"1b"}}""";

    private static KnowledgeBase Load() =>
        KnowledgeBase.Load([], [SharedCorpus.Require("apps")], new EngineKnowledgeCompiler());

    [Fact]
    public void Both_add_ons_load_and_every_problem_names_its_file_and_line()
    {
        var knowledge = Load();
        Read(knowledge, PanTraffic, "pan:traffic");

        Assert.All(knowledge.Problems, p =>
        {
            Assert.Contains("Splunk_TA_", p.File, StringComparison.Ordinal);
            Assert.True(p.Line > 0, p.ToString());
        });
    }

    [Fact]
    public void Pan_traffic_gets_its_positional_fields_lookup_action_eventtypes_and_tags()
    {
        var e = Read(Load(), PanTraffic, "pan:traffic");

        Assert.Equal("192.168.1.205", e["src"].Text);
        Assert.Equal("147.28.146.44", e["dest"].Text);
        Assert.Equal("443", e["dest_port"].Text);
        Assert.Equal("allow", e["vendor_action"].Text);
        Assert.Equal("allowed", e["action"].Text);
        Assert.Equal("end", e["log_subtype"].Text);
        Assert.Contains("pan_traffic_end", e["eventtype"].Texts);
        Assert.Equal(["communicate", "end", "network", "session"], e["tag"].Texts.Order(StringComparer.Ordinal));
        Assert.Equal(EpochTime.FromDateTimeOffset(new DateTimeOffset(2024, 2, 22, 12, 33, 50, TimeSpan.Zero)), e.Time);
    }

    [Fact]
    public void Pan_log_is_rewritten_to_pan_traffic_by_the_index_time_transform()
    {
        var e = Read(Load(), PanTraffic[PanTraffic.IndexOf("1,2024", StringComparison.Ordinal)..], "pan:log");

        Assert.Equal("pan:traffic", e.SourceType);
        Assert.Equal("allowed", e["action"].Text);
    }

    [Fact]
    public void Suricata_events_get_their_sourcetype_from_event_type_and_the_flow_fields()
    {
        var e = Read(Load(), SuricataFlow, "suricata");

        Assert.Equal("suricata:flow", e.SourceType);
        Assert.Equal("192.0.2.1", e["src"].Text);
        Assert.Equal("1300", e["bytes"].Text);
        Assert.Equal("Suricata", e["vendor_product"].Text);
        Assert.Equal(EpochTime.FromDateTimeOffset(new DateTimeOffset(2023, 10, 17, 1, 24, 52, 149, TimeSpan.Zero)).ToString("F3", System.Globalization.CultureInfo.InvariantCulture),
            e.Time!.Value.ToString("F3", System.Globalization.CultureInfo.InvariantCulture));
    }

    private static Event Read(KnowledgeBase knowledge, string text, string sourceType)
    {
        var options = new IngestOptions { SourceType = sourceType, IndexTime = knowledge.IndexTime };
        var e = Assert.Single(InputReader.ReadText("example", text, options, new ProblemCollector()));
        return knowledge.Accelerated(e).Event;
    }
}
