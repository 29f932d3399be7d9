using Ferret.Events;

namespace Ferret.Knowledge.Tests;

public sealed class OtherSourceNormalizationTests
{
    private static readonly KnowledgeBase Knowledge = KnowledgeBase.LoadDefault();

    [Fact]
    public void CrowdStrike_process_rollup_lands_in_endpoint_processes()
    {
        var e = new Event { SourceType = "crowdstrike:events:sensor", Source = "crowdstrike", Host = "fdr", Index = "main", Time = 1 };
        e.Set("event_simpleName", "ProcessRollup2");
        e.Set("ComputerName", "WS-042");
        e.Set("ImageFileName", @"\Device\HarddiskVolume2\Windows\System32\wbem\WMIC.exe");
        e.Set("CommandLine", "wmic process call create calc.exe");
        e.Set("ParentBaseFileName", "cmd.exe");
        e.Set("RawProcessId", "5132");
        e.Set("UserSid", "S-1-5-21-7");
        e.Set("UserName", "alice");

        Assert.True(Knowledge.DataModels.ResolveView("Endpoint.Processes")!.TryProject(e, out var p));
        Assert.Equal("WMIC.exe", p.Text("Processes.process_name"));
        Assert.Equal("wmic process call create calc.exe", p.Text("Processes.process"));
        Assert.Equal("cmd.exe", p.Text("Processes.parent_process_name"));
        Assert.Equal("5132", p.Text("Processes.process_id"));
        Assert.Equal("WS-042", p.Text("Processes.dest"));
        Assert.Equal("alice", p.Text("Processes.user"));
        Assert.Equal("CrowdStrike Falcon", p.Text("Processes.vendor_product"));
    }

    [Fact]
    public void Sysmon_for_linux_splits_paths_on_slashes()
    {
        var e = new Event { Source = "Syslog:Linux-Sysmon/Operational", SourceType = "sysmon:linux", Host = "ubuntu", Index = "main", Time = 1 };
        e.Set("EventCode", "1");
        e.Set("Computer", "ubuntu-01");
        e.Set("Image", "/usr/bin/curl");
        e.Set("CommandLine", "curl http://203.0.113.7/x.sh");
        e.Set("ParentImage", "/usr/bin/bash");
        e.Set("User", "root");

        Assert.True(Knowledge.DataModels.ResolveView("Endpoint.Processes")!.TryProject(e, out var p));
        Assert.Equal("curl", p.Text("Processes.process_name"));
        Assert.Equal("bash", p.Text("Processes.parent_process_name"));
        Assert.Equal("ubuntu-01", p.Text("Processes.dest"));
        Assert.Equal("root", p.Text("Processes.user"));
    }

    [Fact]
    public void Sysmon_for_linux_file_creation_lands_in_endpoint_filesystem()
    {
        var e = new Event { Source = "Syslog:Linux-Sysmon/Operational", SourceType = "sysmon:linux", Time = 1 };
        e.Set("EventCode", "11");
        e.Set("Computer", "ubuntu-01");
        e.Set("Image", "/usr/bin/touch");
        e.Set("TargetFilename", "/etc/cron.d/evil");
        Assert.True(Knowledge.DataModels.ResolveView("Endpoint.Filesystem")!.TryProject(e, out var p));
        Assert.Equal("evil", p.Text("Filesystem.file_name"));
        Assert.Equal("created", p.Text("Filesystem.action"));
    }

    [Fact]
    public void Zscaler_web_log_lands_in_web_proxy_with_lowercase_action()
    {
        var e = new Event { Source = "zscaler", SourceType = "zscalernss-web", Time = 1 };
        e.Set("action", "Blocked");
        e.Set("ClientIP", "10.0.0.5");
        e.Set("hostname", "dummy-hostname.example.com");
        e.Set("url", "dummy-url.example.com");
        e.Set("requestmethod", "POST");
        e.Set("useragent", "Mozilla/5.0");
        e.Set("status", "403");
        e.Set("user", "dummyuser@example.com");
        e.Set("threatname", "r-adware-r");

        Assert.True(Knowledge.DataModels.ResolveView("Web.Proxy")!.TryProject(e, out var p));
        Assert.Equal("blocked", p.Text("Web.action"));
        Assert.Equal("10.0.0.5", p.Text("Web.src"));
        Assert.Equal("dummy-hostname.example.com", p.Text("Web.dest"));
        Assert.Equal("POST", p.Text("Web.http_method"));
        Assert.Equal("21", p.Text("Web.url_length"));
        Assert.Equal("403", p.Text("Web.status"));
    }

    [Fact]
    public void PingId_event_names_user_source_and_outcome()
    {
        var e = new Event { Source = "PINGID", SourceType = "_json", Time = 1 };
        e.Set("actors{}.name", "victim_user");
        e.Set("resources{}.ipaddress", "74.208.236.210");
        e.Set("result.status", "SUCCESS");
        e.Set("result.message", "VPN Swipe");
        Knowledge.Normalize(e);
        Assert.Equal("victim_user", e.Text("user"));
        Assert.Equal("74.208.236.210", e.Text("src"));
        Assert.Equal("success", e.Text("status"));
        Assert.Equal("PingID", e.Text("vendor_product"));
    }

    [Fact]
    public void Events_of_a_source_nobody_knows_are_left_unchanged()
    {
        var e = new Event { Source = "/var/log/unknown.log", SourceType = "mystery", Time = 1, Raw = "hello" };
        var before = e.Clone();
        Knowledge.Normalize(e);
        Assert.Equal(before.Fields.OrderBy(f => f.Key), e.Fields.OrderBy(f => f.Key));
        Assert.False(Knowledge.DataModels.ResolveView("Endpoint.Processes")!.TryProject(e, out _));
    }
}
