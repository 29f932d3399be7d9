using Ferret.Detection.RiskAlerting;
using Ferret.Publishing.Conf;

namespace Ferret.Publishing.App;

/// <summary>
/// The risk incident rules in <c>savedsearches.conf</c> as Enterprise Security has them: ES's stanza names, their
/// schedules (the 24-hour rule every 30 minutes over <c>-24h</c> to <c>now</c>, the 7-day rule daily over
/// <c>-7d@d</c> to <c>now</c>), the notable action, and ES's suppression of a repeated alert for the same risk object
/// and type for the rule's window (what a hunt's sliding windows do too). Shipped disabled, as every rule of the app, so
/// an ES that has its own copies does not alert twice.
/// </summary>
public static class RiskIncidentRulesConf
{
    public static IEnumerable<ConfStanza> Stanzas(IReadOnlyList<RiskIncidentRule> rules) => rules.Select(Stanza);

    public static ConfStanza Stanza(RiskIncidentRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var detection = rule.Detection;
        return new ConfStanzaBuilder(rule.SavedSearchName)
            .Add("description", detection.Description)
            .Add("action.correlationsearch.enabled", "1")
            .Add("action.correlationsearch.label", detection.Name)
            .Add("cron_schedule", rule.CronSchedule)
            .Add("dispatch.earliest_time", rule.EarliestTime)
            .Add("dispatch.latest_time", rule.LatestTime)
            .Add("schedule_window", "auto")
            .Add("action.notable", "1")
            .Add("action.notable.param.rule_title", $"{detection.Name}: $risk_object$")
            .Add("action.notable.param.rule_description", detection.Description)
            .Add("action.notable.param.security_domain", detection.Tags.SecurityDomain)
            .Add("action.notable.param.severity", Detection.Notables.Severity.FromRiskScore(detection.RiskScore))
            .Add("action.notable.param.nes_fields", "normalized_risk_object,risk_object_type")
            .Add("alert.suppress", "1")
            .Add("alert.suppress.fields", "normalized_risk_object,risk_object_type")
            .Add("alert.suppress.period", $"{(long)rule.Window.TotalSeconds}s")
            .Add("alert.digest_mode", "0")
            .Add("disabled", "true")
            .Add("enableSched", "1")
            .Add("counttype", "number of events")
            .Add("relation", "greater than")
            .Add("quantity", "0")
            .Add("search", detection.Search)
            .Build();
    }
}
