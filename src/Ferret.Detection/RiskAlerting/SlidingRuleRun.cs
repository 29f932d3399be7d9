using Ferret.Detection.Compilation;
using Ferret.Engine;
using Ferret.Events;

namespace Ferret.Detection.RiskAlerting;

/// <summary>
/// Runs a risk incident rule the way its schedule would have over the past, on the risk events' own time: the rule is
/// evaluated at the time of each risk event, over the look-back window ending there (<c>(t - window, t]</c>), and an
/// object it raises is not raised again until that window has passed, as ES's rules suppress a repeated alert for the
/// same risk object and type. Both default rules only grow with more risk events (a sum of positive scores, distinct
/// counts), so at each time the rule is run only over the objects that just received risk and are not suppressed:
/// another object's row cannot have newly crossed the threshold. The rule's SPL decides; this class only chooses windows.
/// </summary>
internal static class SlidingRuleRun
{
    /// <summary>One row the rule returned, with the window it was evaluated over.</summary>
    public sealed record Raised(Event Row, double Start, double End);

    public static IEnumerable<Raised> Run(CompiledDetection rule, TimeSpan lookBack, RiskLedger ledger, SearchContext context)
    {
        var entries = ledger.Entries;
        var span = lookBack.TotalSeconds;
        var suppressedUntil = new Dictionary<(string, string), double>();
        var start = 0;
        var end = 0;
        while (end < entries.Count)
        {
            var time = entries[end].Time;
            var arrived = new HashSet<(string, string)>();
            while (end < entries.Count && entries[end].Time <= time)
            {
                arrived.Add(entries[end].Key);
                end++;
            }

            while (entries[start].Time <= time - span)
            {
                start++;
            }

            arrived.RemoveWhere(key => suppressedUntil.TryGetValue(key, out var until) && time < until);
            if (arrived.Count == 0)
            {
                continue;
            }

            var window = new List<Event>();
            for (var i = start; i < end; i++)
            {
                if (arrived.Contains(entries[i].Key))
                {
                    window.Add(entries[i].Event);
                }
            }

            foreach (var row in rule.Run(window, TimeRange.All, context))
            {
                var key = (row["normalized_risk_object"].Text ?? string.Empty, row["risk_object_type"].Text ?? string.Empty);
                suppressedUntil[key] = time + span;
                yield return new Raised(row, time - span, time);
            }
        }
    }
}
