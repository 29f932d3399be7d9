using Ferret.Detection.Hunting;
using Ferret.Detection.Risk;
using Ferret.Events;

namespace Ferret.Detection.RiskAlerting;

/// <summary>
/// A hunt's risk events in time order, each as the event of <c>index=risk</c> the Risk data model reads and with the
/// finding that wrote it, so an incident's row can be traced back to its contributing findings.
/// </summary>
internal sealed class RiskLedger
{
    private readonly List<Entry> _entries;

    public RiskLedger(IReadOnlyList<Finding> findings, string origSid)
    {
        _entries = [.. findings
            .SelectMany(f => f.RiskEvents.Select(r => new Entry(r, f, RiskIndexFields.ToEvent(r, origSid), RiskIndexFields.Normalize(r.RiskObject))))
            .OrderBy(e => e.Risk.Time)];
        Events = [.. _entries.Select(e => e.Event)];
    }

    /// <summary>One risk event: as built, the finding behind it, as an event of the risk index, and its normalized object.</summary>
    public sealed record Entry(RiskEvent Risk, Finding Finding, Event Event, string NormalizedObject)
    {
        public double Time => Risk.Time;

        public (string Object, string Type) Key => (NormalizedObject, Risk.RiskObjectType);
    }

    /// <summary>The risk events in time order.</summary>
    public IReadOnlyList<Entry> Entries => _entries;

    /// <summary>The risk events as events of <c>index=risk</c>, in time order.</summary>
    public IReadOnlyList<Event> Events { get; }

    /// <summary>
    /// The incident a rule's row describes: the risk events of the row's object (its <c>normalized_risk_object</c>, else its
    /// <c>risk_object</c> values, lower-cased) and type, from the row's sources when it lists them, inside
    /// <paramref name="window"/> when given; the total is the row's <c>risk_score</c> when it has one. The evidence is the
    /// raw events behind the contributing findings, each once (two findings behind the same event, told by where it was
    /// read from, count it once), at most <paramref name="maxEvidence"/>.
    /// </summary>
    public (RiskIncident Incident, FindingEvidence Evidence) Incident(string rule, Event row, (double Start, double End)? window, int maxEvidence)
    {
        var objects = (row["normalized_risk_object"].IsNull ? row["risk_object"] : row["normalized_risk_object"]).Texts
            .Select(RiskIndexFields.Normalize).ToHashSet(StringComparer.Ordinal);
        var type = row["risk_object_type"].Text;
        var sources = row["source"].Texts.ToHashSet(StringComparer.Ordinal);
        var contributing = _entries.Where(e =>
                objects.Contains(e.NormalizedObject)
                && (type is null || string.Equals(e.Risk.RiskObjectType, type, StringComparison.OrdinalIgnoreCase))
                && (sources.Count == 0 || sources.Contains(e.Risk.SearchName))
                && (window is not { } w || (e.Time > w.Start && e.Time <= w.End)))
            .ToList();
        var total = row["risk_score"].First.TryGetNumber(out var score) ? score : contributing.Sum(e => e.Risk.RiskScore);
        var incident = new RiskIncident(
            rule,
            row["risk_object"].Text ?? contributing.Select(e => e.Risk.RiskObject).FirstOrDefault() ?? string.Join(",", objects),
            type ?? contributing.Select(e => e.Risk.RiskObjectType).FirstOrDefault() ?? string.Empty,
            total,
            [.. contributing.SelectMany(e => e.Risk.Annotations.MitreTactics).Distinct(StringComparer.Ordinal)],
            [.. contributing.SelectMany(e => e.Risk.Annotations.MitreAttack).Distinct(StringComparer.Ordinal)],
            window?.Start ?? contributing.Select(e => e.Time).DefaultIfEmpty().Min(),
            window?.End ?? contributing.Select(e => e.Time).DefaultIfEmpty().Max(),
            [.. contributing.Select(e => new RiskContribution(e.Finding.Detection.Name, e.Time, e.Risk.RiskScore, e.Risk.RiskMessage))]);
        var evidence = FindingEvidence.Union(contributing.Select(e => e.Finding.Evidence), maxEvidence);
        return (incident, evidence);
    }
}
