using Ferret.Detection.Notables;
using Ferret.Server.Detections;
using Ferret.Server.Store;

namespace Ferret.Server.Web;

/// <summary>A risk event that contributes to a notable's risk object.</summary>
internal sealed record ContributingRisk(double Time, string SearchName, double Score, string? Message, IReadOnlyList<string> ThreatObjects, IReadOnlyList<string> Tactics);

/// <summary>A drilldown search of the notable with its time range resolved (epoch seconds; null when open).</summary>
internal sealed record NotableDrilldown(string Name, string Search, double? Earliest, double? Latest);

/// <summary>An ATT&amp;CK technique of the notable: its id, name and tactics.</summary>
internal sealed record NotableTechnique(string Id, string? Name, IReadOnlyList<string> Tactics);

/// <summary>Everything a notable's detail shows.</summary>
internal sealed record NotableDetail(
    NotableRow Row,
    string Description,
    string Severity,
    double? WindowEarliest,
    double? WindowLatest,
    double TotalRisk,
    IReadOnlyList<ContributingRisk> Risks,
    IReadOnlyList<NotableTechnique> Techniques,
    IReadOnlyList<string> Tactics,
    IReadOnlyList<NotableDrilldown> Drilldowns,
    string? Spl,
    IReadOnlyList<ReviewChange> History,
    IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> Fields);

internal sealed partial class IncidentReview
{
    /// <summary>The window risk events are looked for in when a notable carries none (ES's risk incident rules look back a day).</summary>
    private static readonly TimeSpan RiskLookback = TimeSpan.FromDays(1);

    public NotableDetail Detail(NotableRecord notable)
    {
        var eventId = notable.Text("event_id") ?? string.Empty;
        var row = Row(notable, reviews.Current().GetValueOrDefault(eventId));
        var earliest = notable.Number("info_min_time");
        var latest = notable.Number("info_max_time");
        var risks = row.RiskObject is { } riskObject ? Contributing(riskObject, earliest ?? notable.Time - RiskLookback.TotalSeconds, latest ?? notable.Time + 1) : [];
        var search = catalog.Find(row.SearchName);
        var ids = notable.Texts("annotations.mitre_attack");
        var techniques = ids.Select(id => AttackCatalog.Find(id) is { } t ? new NotableTechnique(id, t.Name, t.Tactics) : new NotableTechnique(id, null, [])).ToList();
        var tactics = notable.Texts("annotations.mitre_attack.mitre_tactic").Concat(techniques.SelectMany(t => t.Tactics)).Distinct(StringComparer.Ordinal)
            .OrderBy(TacticRank).ToList();
        return new NotableDetail(
            row,
            notable.Text("rule_description") ?? search?.Detection.Description ?? string.Empty,
            notable.Text("severity") ?? string.Empty,
            earliest,
            latest,
            notable.Number("risk_score") is { } total && notable.Text("risk_object") is not null ? total : risks.Sum(r => r.Score),
            risks,
            techniques,
            tactics,
            [.. Drilldowns(notable)],
            search?.Detection.Search,
            reviews.History(eventId),
            [.. notable.Fields().Select(f => new KeyValuePair<string, IReadOnlyList<string>>(f.Name, f.Values))]);
    }

    /// <summary>A tactic's column in ATT&amp;CK's matrix; unknown names go last.</summary>
    private static int TacticRank(string tactic)
    {
        for (var i = 0; i < AttackCatalog.TacticOrder.Count; i++)
        {
            if (AttackCatalog.TacticOrder[i] == tactic)
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    /// <summary>The risk events of <paramref name="riskObject"/> in <c>[earliest, latest]</c>, newest first.</summary>
    private List<ContributingRisk> Contributing(string riskObject, double earliest, double latest) =>
        [.. store.Read(new StoreQuery([ActionWriter.RiskIndex]) { Earliest = earliest, Latest = latest + 1 })
            .Select(NotableRecord.Parse)
            .Where(r => string.Equals(r.Text("risk_object"), riskObject, StringComparison.OrdinalIgnoreCase))
            .Select(r => new ContributingRisk(r.Time, r.Text("search_name") ?? r.Stored.Source, r.Number("risk_score") ?? 0, r.Text("risk_message"),
                r.Texts("threat_object"), r.Texts("annotations.mitre_attack.mitre_tactic")))
            .OrderByDescending(r => r.Time)];

    private static IEnumerable<NotableDrilldown> Drilldowns(NotableRecord notable)
    {
        foreach (var item in notable.Items("drilldown_searches"))
        {
            var search = item.TryGetProperty("search", out var s) ? s.GetString() : null;
            if (string.IsNullOrWhiteSpace(search))
            {
                continue;
            }

            yield return new NotableDrilldown(
                item.TryGetProperty("name", out var n) ? n.GetString() ?? "Drilldown" : "Drilldown",
                search,
                Offset(item, "earliest_offset", notable.Time),
                Offset(item, "latest_offset", notable.Time));
        }
    }

    /// <summary>A drilldown offset: an epoch once its tokens are filled, or seconds relative to the notable's time;
    /// anything else (an unfilled token, <c>$info_max_time$</c> without a window) leaves that end open.</summary>
    private static double? Offset(System.Text.Json.JsonElement item, string name, double time)
    {
        if (!item.TryGetProperty(name, out var value) || value.GetString() is not { Length: > 0 } text
            || !double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        // ES's offsets are either absolute (filled $info_min_time$) or relative seconds such as 604800 for a week back.
        return number > 100_000_000 ? number : name.StartsWith("earliest", StringComparison.Ordinal) ? time - number : time + number;
    }
}
