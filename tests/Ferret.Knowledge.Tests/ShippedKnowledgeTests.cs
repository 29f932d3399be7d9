namespace Ferret.Knowledge.Tests;

/// <summary>The knowledge files shipped in the assembly: they load cleanly and cover what the brief names.</summary>
public sealed class ShippedKnowledgeTests
{
    private static readonly KnowledgeBase Knowledge = KnowledgeBase.LoadDefault();

    [Fact]
    public void Shipped_files_load_and_compile_without_problems()
    {
        Assert.Empty(Knowledge.Problems.Select(p => p.ToString()));
    }

    [Theory]
    [InlineData("XmlWinEventLog:Microsoft-Windows-Sysmon/Operational", "XmlWinEventLog", "windows-common sysmon")]
    [InlineData("XmlWinEventLog:Security", "XmlWinEventLog", "windows-common windows-security")]
    [InlineData("XmlWinEventLog:Security", "xmlwineventlog", "windows-common windows-security")]
    [InlineData("XmlWinEventLog:System", "XmlWinEventLog", "windows-common windows-system")]
    [InlineData("XmlWinEventLog:Microsoft-Windows-PowerShell/Operational", "XmlWinEventLog", "windows-common windows-powershell")]
    [InlineData("XmlWinEventLog:Microsoft-Windows-TaskScheduler/Operational", "XmlWinEventLog", "windows-common")]
    [InlineData("Syslog:Linux-Sysmon/Operational", "sysmon:linux", "sysmon-linux")]
    [InlineData("crowdstrike", "crowdstrike:events:sensor", "crowdstrike")]
    [InlineData("zscaler", "zscalernss-web", "zscaler")]
    [InlineData("PINGID", "_json", "pingid")]
    public void Each_source_gets_the_knowledge_written_for_it(string source, string sourceType, string expected)
    {
        Assert.Equal(expected.Split(' '), Knowledge.SourceNamesFor(source, sourceType));
    }

    [Theory]
    [InlineData("Endpoint", "Ports Processes Services Filesystem Registry")]
    [InlineData("Network_Traffic", "All_Traffic Allowed_Traffic Blocked_Traffic")]
    [InlineData("Network_Resolution", "DNS")]
    [InlineData("Network_Sessions", "All_Sessions Session_Start Session_End DHCP VPN")]
    [InlineData("Authentication", "Authentication Failed_Authentication Successful_Authentication Default_Authentication Failed_Default_Authentication Successful_Default_Authentication Insecure_Authentication Privileged_Authentication Failed_Privileged_Authentication Successful_Privileged_Authentication")]
    [InlineData("Change", "All_Changes Auditing_Changes Endpoint_Changes Network_Changes Account_Management Accounts_Created Accounts_Deleted Account_Lockouts Accounts_Updated Instance_Changes")]
    [InlineData("Web", "Web Proxy Storage")]
    [InlineData("Email", "All_Email Delivery Content Filtering")]
    [InlineData("Certificates", "All_Certificates SSL")]
    [InlineData("Intrusion_Detection", "IDS_Attacks")]
    [InlineData("Updates", "Updates Update_Status Update_Errors")]
    [InlineData("Alerts", "Alerts")]
    [InlineData("Risk", "All_Risk Correlation_Rules")]
    public void Each_cim_model_has_its_datasets(string model, string datasets)
    {
        var definition = Knowledge.DataModels.Models.Single(m => m.Name == model);
        Assert.Equal(datasets.Split(' '), definition.Datasets.Select(d => d.Name));
    }

    /// <summary>Every dataset field an ESCU tstats search names (counted over the 1,613 active detections) is defined.</summary>
    [Theory]
    [InlineData("Endpoint.Processes", "action dest original_file_name os parent_process parent_process_exec parent_process_guid parent_process_id parent_process_name parent_process_path process process_current_directory process_exec process_guid process_hash process_id process_integrity_level process_name process_path user user_id vendor_product user_bunit user_category")]
    [InlineData("Endpoint.Registry", "action dest process_guid process_id registry_hive registry_key_name registry_path registry_value_data registry_value_name registry_value_type status user")]
    [InlineData("Endpoint.Filesystem", "action dest file_create_time file_hash file_name file_path process_guid process_id user")]
    [InlineData("Network_Traffic.All_Traffic", "action app bytes_in bytes_out dest dest_category dest_ip dest_port dest_zone process_id src src_category src_ip src_zone transport user")]
    [InlineData("Network_Resolution.DNS", "answer dest query record_type src")]
    [InlineData("Authentication", "action app authentication_method dest reason signature signature_id src src_category user user_category user_id")]
    [InlineData("Change.All_Changes", "action change_type command dest object object_category object_id result result_id src status user user_agent user_type")]
    [InlineData("Web", "action app bytes_out category dest dest_port http_method http_user_agent src status uri_path uri_query url url_domain url_length user")]
    [InlineData("Alerts", "app description dest id severity signature")]
    [InlineData("Risk.All_Risk", "analyticstories annotations calculated_risk_score risk_message risk_object risk_object_type tag")]
    public void Every_field_escu_searches_use_is_defined(string path, string fields)
    {
        var view = Knowledge.DataModels.ResolveView(path);
        Assert.NotNull(view);
        var prefix = path.Contains('.', StringComparison.Ordinal) ? path[(path.LastIndexOf('.') + 1)..] : path;
        foreach (var field in fields.Split(' '))
        {
            Assert.Contains($"{prefix}.{field}", view.FieldNames);
        }
    }
}
