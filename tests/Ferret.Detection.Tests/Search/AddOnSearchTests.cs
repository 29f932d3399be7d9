using Ferret.Detection.Search;
using Ferret.Events;
using Ferret.Ingest;
using Ferret.Testing;

namespace Ferret.Detection.Tests.Search;

/// <summary>Issue 15: the PAN traffic example of ESCU's data source, given its sourcetype, lands in the Network_Traffic
/// data model both with Palo Alto Networks' own add-on (--apps) and on Ferret's own knowledge.</summary>
public sealed class AddOnSearchTests
{
    private const string PanTraffic =
        "577 <14>1 2024-02-22T12:33:50-05:00 PALO220.ATTACK_RANGE.LAN - - - - 1,2024/02/22 12:33:50,012801036556,TRAFFIC,end,2305,2024/02/22 12:33:50,192.168.1.205,147.28.146.44,201.17.96.104,147.28.146.44,No_Vuln_Filtering_OUT,,,screenconnect,vsys1,Trust,Untrust,ethernet1/2,ethernet1/1,splunk_range,2024/02/22 12:33:50,14740,1,50624,443,11024,443,0x40005e,tcp,allow,7419,6609,810,25,2024/02/22 12:32:29,65,any,0,376156893,0x0,192.168.0.0-192.168.255.255,United States,0,14,11,tcp-fin,0,0,0,0,,PALO220,from-policy,,,0,,0,,N/A,0,0,0,0,0862e58b-4a54-436b-b3ac-ea3eccf8403b,0,0,,,,,,,";

    private const string TrafficByPortAndAction =
        "| tstats count from datamodel=Network_Traffic.All_Traffic by All_Traffic.dest_port All_Traffic.action";

    [Fact]
    public void Pan_traffic_is_counted_by_network_traffic_on_ferrets_own_knowledge()
    {
        Assert.Equal([("443", "allowed", "1")], Run(TrafficByPortAndAction, []));
    }

    [Fact]
    public void Pan_traffic_is_counted_by_network_traffic_with_palo_altos_add_on()
    {
        Assert.Equal([("443", "allowed", "1")], Run(TrafficByPortAndAction, [SharedCorpus.Require("apps")]));
    }

    [Fact]
    public void A_missing_apps_folder_stops_the_search_with_its_path()
    {
        var error = Assert.Throws<DirectoryNotFoundException>(() => Run(TrafficByPortAndAction, ["/no/such/apps"]));

        Assert.Contains("/no/such/apps", error.Message, StringComparison.Ordinal);
    }

    private static List<(string?, string?, string?)> Run(string spl, IReadOnlyList<string> apps)
    {
        var path = Path.Combine(Path.GetTempPath(), "ferret-pan-" + Guid.NewGuid().ToString("N") + ".log");
        File.WriteAllText(path, PanTraffic + "\n");
        try
        {
            var request = new SearchRequest { Spl = spl, Inputs = [path], Ingest = new IngestOptions { SourceType = "pan:traffic" }, Apps = apps };
            var outcome = SearchRunner.Run(request, new ProblemCollector());
            Assert.False(outcome.HasErrors);
            return [.. outcome.Results.Select(r => (r["All_Traffic.dest_port"].Text, r["All_Traffic.action"].Text, r["count"].Text))];
        }
        finally
        {
            File.Delete(path);
        }
    }
}
