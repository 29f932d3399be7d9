using Ferret.Content;
using Ferret.Detection.Notables;
using Ferret.Detection.RiskAlerting;
using Ferret.Publishing;
using Ferret.Server.Search;

namespace Ferret.Server.Detections;

/// <summary>
/// Every active (not deprecated) detection of the content as a saved search, by name. A detection is enabled for the
/// scheduler when one of the enable patterns matches its name or its saved search name (<c>*</c> wildcards,
/// case-insensitive); ESCU ships every detection disabled. ES's two default risk incident rules are saved searches too
/// (<c>Risk - 24 Hour Risk Threshold Exceeded - Rule</c>, <c>Risk - 7 Day ATT&amp;CK Tactic Threshold Exceeded - Rule</c>),
/// with ES's schedules, enabled by the server's setting. The web pages enable or disable a saved search while the server
/// runs (<see cref="SetEnabled"/>); the scheduler reads the catalog afresh every round.
/// </summary>
internal sealed class SavedSearchCatalog
{
    private readonly Dictionary<string, SavedSearch> _byName;
    private readonly Lock _gate = new();
    private SavedSearch[] _all;

    public SavedSearchCatalog(ContentRepository content, IReadOnlyList<string> enablePatterns, IReadOnlyList<RiskIncidentRule> riskRules, bool riskIncidentRules = false)
    {
        var app = content.App.Prefix;
        _byName = new Dictionary<string, SavedSearch>(StringComparer.Ordinal);
        foreach (var detection in content.ActiveDetections)
        {
            var name = SavedSearchNames.Rule(app, detection);
            var enabled = enablePatterns.Any(p => Wildcard.Matches(p, detection.Name) || Wildcard.Matches(p, name));
            _byName[name] = new SavedSearch(name, detection, DefaultConfiguration.For(detection) with { Disabled = !enabled }, enabled);
        }

        // ES's default risk incident rules (with the server's thresholds), by their stanza names and schedules, over
        // index=risk; scheduled when asked for.
        foreach (var rule in riskRules)
        {
            var configuration = DefaultConfiguration.For(rule.Detection) with
            {
                Disabled = !riskIncidentRules,
                CronSchedule = rule.CronSchedule,
                EarliestTime = rule.EarliestTime,
                LatestTime = rule.LatestTime,
            };
            _byName[rule.SavedSearchName] = new SavedSearch(rule.SavedSearchName, rule.Detection, configuration, riskIncidentRules);
        }

        _all = [.. _byName.Values.OrderBy(s => s.Name, StringComparer.Ordinal)];
    }

    public IReadOnlyList<SavedSearch> All => Volatile.Read(ref _all);

    public IEnumerable<SavedSearch> Enabled => All.Where(s => s.Enabled);

    public SavedSearch? Find(string name)
    {
        lock (_gate)
        {
            return _byName.GetValueOrDefault(name);
        }
    }

    /// <summary>Enables or disables one saved search for the scheduler; false when no saved search has that name.</summary>
    public bool SetEnabled(string name, bool enabled)
    {
        lock (_gate)
        {
            if (!_byName.TryGetValue(name, out var search))
            {
                return false;
            }

            var changed = search with { Enabled = enabled, Configuration = search.Configuration with { Disabled = !enabled } };
            _byName[name] = changed;
            Volatile.Write(ref _all, [.. _all.Select(s => s.Name == name ? changed : s)]);
            return true;
        }
    }

    /// <summary>The patterns that match no detection, to tell the user.</summary>
    public static IEnumerable<string> Unmatched(ContentRepository content, IReadOnlyList<string> patterns) =>
        patterns.Where(p => !content.ActiveDetections.Any(d => Wildcard.Matches(p, d.Name)) && !content.ActiveDetections.Any(d => Wildcard.Matches(p, SavedSearchNames.Rule(content.App.Prefix, d))));
}
