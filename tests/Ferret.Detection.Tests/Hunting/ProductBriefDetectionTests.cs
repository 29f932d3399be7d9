using Ferret.Content;
using Ferret.Detection.Compilation;
using Ferret.Detection.Hunting;
using Ferret.Events;
using Ferret.Ingest;
using Ferret.Knowledge;
using Ferret.Testing;

namespace Ferret.Detection.Tests.Hunting;

/// <summary>
/// The four detections of the product brief (GUIDE §3) on real logs: each fires on its real positives and stays
/// silent on the real negatives.
/// </summary>
public sealed class ProductBriefDetectionTests
{
    private const string ScheduledTask = "WinEvent Scheduled Task Created to Spawn Shell";
    private const string WmiSubscription = "WMI Permanent Event Subscription";
    private const string WmicCreate = "Windows WMI Process Call Create";
    private const string ScheduledJob = "Windows PowerShell WMI Win32 ScheduledJob";

    [Fact]
    public void Scheduled_task_spawning_a_shell_fires_on_the_real_positives_and_not_on_the_negative()
    {
        var escu = SharedCorpus.Require("escu");
        var result = HuntFixture.Hunt(escu,
        [
            SharedCorpus.Require("data/evtx-attack-samples/Execution/temp_scheduled_task_4698_4699.evtx"),
            SharedCorpus.Require("data/evtx-attack-samples/Lateral Movement/LM_ScheduledTask_ATSVC_target_host.evtx"),
            SharedCorpus.Require("data/evtx-attack-samples/Privilege Escalation/PrivEsc_SeImpersonatePriv_enabled_back_for_upnp_localsvc_4698.evtx"),
        ], ScheduledTask);

        // The two positive files hold the same 4698 record (task \CYAlyNSS running cmd.exe): one stats row.
        var finding = Assert.Single(result.Findings);
        Assert.Equal("\\CYAlyNSS", finding.Result["TaskName"].Text);
        Assert.Equal("WIN-77LTAPHIQ1R.example.corp", finding.Result["dest"].Text);
        Assert.Equal(2, finding.Evidence.Count);
    }

    [Fact]
    public void Scheduled_task_spawning_a_shell_fires_on_the_OTRF_capture()
    {
        var escu = SharedCorpus.Require("escu");
        var otrf = SharedCorpus.Require("data/otrf");
        var result = HuntFixture.Hunt(escu, [otrf], ScheduledTask);

        Assert.Contains(result.Findings, f => f.Result["dest"].Text == "WORKSTATION6.theshire.local");
    }

    [Fact]
    public void WMI_subscription_fires_on_the_real_binding_and_filters_the_eleven_built_in_SCM_bindings()
    {
        var escu = SharedCorpus.Require("escu");
        var result = HuntFixture.Hunt(escu, [SharedCorpus.Require("data/deepbluecli/wmi-event-filter-persistance.evtx")], WmiSubscription);

        var finding = Assert.Single(result.Findings);
        Assert.Contains("LogRotate Consumer", finding.Result["consumer"].Text, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Findings, f => f.Result["consumer"].Texts.Any(c => c.Contains("SCM Event Log Consumer", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("data/attack_data/datasets/attack_techniques/T1047/atomic_red_team/attack_data.tar.gz", "win-dc-6178966.attackrange.local")]
    [InlineData("data/attack_data/datasets/attack_techniques/T1003.003/credential-dumping-via-copy/data.log", "ar-win-1")]
    [InlineData("data/evtx-attack-samples/Execution/sysmon_exec_from_vss_persistence.evtx", "IEWIN7")]
    public void Wmic_process_call_create_fires_on_each_real_positive(string input, string host)
    {
        var escu = SharedCorpus.Require("escu");
        var result = HuntFixture.Hunt(escu, [SharedCorpus.Require(input)], WmicCreate);

        Assert.NotEmpty(result.Findings);
        Assert.All(result.Findings, f => Assert.Contains(" create ", f.Result["process"].Text, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(result.Findings, f => string.Equals(f.Result["dest"].Text, host, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>No public capture of a 4104 script block using Win32_ScheduledJob exists (GUIDE §3), so this test
    /// takes a real 4104 record from deepbluecli's PowerShell log and replaces only its script block text with one
    /// that uses the class; everything else (channel, computer, user, times) is as Windows wrote it.</summary>
    [Fact]
    public void PowerShell_ScheduledJob_fires_on_a_test_event_built_from_a_real_4104_record()
    {
        var escu = SharedCorpus.Require("escu");
        var log = SharedCorpus.Require("data/deepbluecli/Powershell-Invoke-Obfuscation-many.evtx");
        var problems = new ProblemCollector();
        var real = InputReader.ReadFile(log, IngestOptions.Default, problems).First(e => e["EventCode"].Text == "4104");
        var positive = real.Clone();
        positive["ScriptBlockText"] = "$job = ([wmiclass]'\\\\.\\root\\cimv2:Win32_ScheduledJob').Create('cmd.exe /c calc.exe', '********123000.000000-000')";
        var content = ContentRepository.Load(escu, problems).WithEnvironmentDefaults(problems);
        var detection = Assert.Single(content.Detections, d => d.Name == ScheduledJob);
        var (_, compiled, issue, _) = DetectionCompiler.Compile(detection, content.Macros);
        Assert.True(compiled is not null, issue?.Reason);
        var knowledge = KnowledgeBase.LoadDefault();

        var onPositive = compiled.Search.Run(knowledge.Accelerate([positive]), new Engine.SearchContext { DataModels = knowledge.DataModels }).ToList();
        var onReal = compiled.Search.Run(knowledge.Accelerate([real]), new Engine.SearchContext { DataModels = knowledge.DataModels }).ToList();

        var row = Assert.Single(onPositive);
        Assert.Equal(real["Computer"].Text, row["dest"].Text);
        Assert.Empty(onReal);
    }
}
