using Ferret.Content;
using Ferret.Detection.Notables;
using Ferret.Publishing.Conf;

namespace Ferret.Publishing.App;

/// <summary>
/// <c>default/savedsearches.conf</c>: one correlation search per active detection, with the settings
/// contentctl writes for ESCU (its savedsearches_detections template): the escu metadata, the schedule and
/// windows of <see cref="DefaultConfiguration"/>, the risk action (risk objects, threat objects, message),
/// the notable action (title, description, fields, drilldowns), the annotations as JSON, and the search.
/// </summary>
public static class SavedSearchesConf
{
    private const string ExperimentalWarning =
        "**WARNING**, this detection is marked **EXPERIMENTAL** by the Splunk Threat Research Team. This means that the detection has been manually tested but we do not have the associated attack data to perform automated testing or cannot share this attack dataset due to its sensitive nature. If you have any questions feel free to email us at: research@splunk.com. ";

    public static IEnumerable<ConfStanza> Stanzas(ContentRepository content, string prefix) =>
        content.ActiveDetections.OrderBy(d => d.Name, StringComparer.Ordinal).Select(d => Stanza(d, prefix));

    public static ConfStanza Stanza(DetectionDefinition detection, string prefix)
    {
        var configuration = DefaultConfiguration.For(detection);
        var annotations = DetectionAnnotations.For(detection);
        var name = SavedSearchNames.Rule(prefix, detection);
        var description = detection.Status == "experimental" ? ExperimentalWarning + detection.Description : detection.Description;
        var stanza = new ConfStanzaBuilder(name)
            .Add("action.escu", "0")
            .Add("action.escu.enabled", "1")
            .Add("description", description)
            .Add("action.escu.mappings", PythonJson.Serialize(annotations.Mappings()))
            .Add("action.escu.data_models", PythonJson.Serialize(DataModelsOf(detection.Search)))
            .Add("action.escu.eli5", description)
            .Add("action.escu.how_to_implement", OrDefault(detection.HowToImplement, "none"))
            .Add("action.escu.known_false_positives", OrDefault(detection.KnownFalsePositives, "None"))
            .Add("action.escu.creation_date", detection.Date)
            .Add("action.escu.modification_date", detection.Date)
            .Add("action.escu.confidence", "high")
            .Add("action.escu.full_search_name", name)
            .Add("action.escu.search_type", "detection")
            .Add("action.escu.product", PythonJson.Serialize(detection.Tags.Products))
            .AddIf(detection.Tags.AtomicGuids.Count > 0, "action.escu.atomic_red_team_guids", PythonJson.Serialize(detection.Tags.AtomicGuids))
            .Add("action.escu.providing_technologies", "null")
            .Add("action.escu.analytic_story", PythonJson.Serialize(detection.Tags.AnalyticStories));
        if (configuration.CreatesRisk)
        {
            stanza.Add("action.risk", "1")
                .Add("action.risk.param._risk_message", detection.RiskMessage)
                .Add("action.risk.param._risk", PythonJson.Serialize(RiskParameter(detection)))
                .Add("action.risk.param._risk_score", "0")
                .Add("action.risk.param.verbose", "0");
        }

        stanza.Add("cron_schedule", configuration.CronSchedule)
            .Add("dispatch.earliest_time", configuration.EarliestTime)
            .Add("dispatch.latest_time", configuration.LatestTime)
            .Add("action.correlationsearch.enabled", "1")
            .Add("action.correlationsearch.label", name)
            .Add("action.correlationsearch.annotations", PythonJson.Serialize(annotations.All()))
            .Add("action.correlationsearch.metadata", PythonJson.Serialize(Metadata(detection)))
            .Add("schedule_window", configuration.ScheduleWindow);
        if (configuration.CreatesNotable)
        {
            stanza.Add("action.notable", "1")
                .Add("action.notable.param.nes_fields", string.Join(',', configuration.NotableFields))
                .Add("action.notable.param.rule_description", configuration.RenderRuleDescription(detection))
                .Add("action.notable.param.rule_title", configuration.RenderRuleTitle(detection))
                .Add("action.notable.param.security_domain", detection.Tags.SecurityDomain)
                .Add("action.notable.param.severity", configuration.NotableSeverity)
                .AddIf(detection.Drilldowns.Count > 0, "action.notable.param.drilldown_searches", PythonJson.Serialize(Drilldowns(detection)));
        }

        return stanza
            .Add("alert.digest_mode", "1")
            .Add("disabled", configuration.Disabled ? "true" : "false")
            .Add("enableSched", "1")
            .Add("allow_skew", "100%")
            .Add("counttype", "number of events")
            .Add("relation", "greater than")
            .Add("quantity", "0")
            .Add("realtime_schedule", "0")
            .Add("is_visible", "false")
            .Add("search", detection.Search)
            .Build();
    }

    /// <summary>action.risk.param._risk: risk objects with their scores, then threat objects.</summary>
    public static IReadOnlyList<IReadOnlyList<KeyValuePair<string, object>>> RiskParameter(DetectionDefinition detection) =>
    [
        .. detection.RiskObjects.Select(o => (IReadOnlyList<KeyValuePair<string, object>>)
        [
            new("risk_object_field", o.Field), new("risk_object_type", o.Type), new("risk_score", o.Score),
        ]),
        .. detection.ThreatObjects.Select(o => (IReadOnlyList<KeyValuePair<string, object>>)
        [
            new("threat_object_field", o.Field), new("threat_object_type", o.Type),
        ]),
    ];

    private static IReadOnlyList<KeyValuePair<string, object>> Metadata(DetectionDefinition detection) =>
    [
        new("deprecated", detection.IsDeprecated ? "1" : "0"),
        new("detection_id", detection.Id),
        new("detection_version", detection.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];

    private static IEnumerable<IReadOnlyList<KeyValuePair<string, object>>> Drilldowns(DetectionDefinition detection) =>
        detection.Drilldowns.Select(d => (IReadOnlyList<KeyValuePair<string, object>>)
        [
            new("earliest_offset", d.EarliestOffset), new("latest_offset", d.LatestOffset), new("name", d.Name), new("search", d.Search),
        ]);

    /// <summary>The CIM data models a search names, as contentctl lists them (a data model whose name is in the search).</summary>
    public static IReadOnlyList<string> DataModelsOf(string search) =>
        [.. CimDataModels.Where(model => search.Contains($"datamodel={model}", StringComparison.Ordinal)
            || search.Contains($"datamodel:{model}", StringComparison.Ordinal)
            || search.Contains($"datamodel {model}", StringComparison.Ordinal)
            || search.Contains($"datamodel=\"{model}", StringComparison.Ordinal))];

    private static readonly string[] CimDataModels =
    [
        "Alerts", "Application_State", "Authentication", "Certificates", "Change", "Change_Analysis", "Compute_Inventory",
        "Data_Access", "Databases", "DLP", "Email", "Endpoint", "Event_Signatures", "Interprocess_Messaging",
        "Intrusion_Detection", "Inventory", "JVM", "Malware", "Network_Resolution", "Network_Sessions",
        "Network_Traffic", "Performance", "Risk", "Splunk_Audit", "Splunk_CIM_Validation", "Ticket_Management",
        "Updates", "Vulnerabilities", "Web",
    ];

    private static string OrDefault(string value, string fallback) => string.IsNullOrWhiteSpace(value) ? fallback : value;
}
