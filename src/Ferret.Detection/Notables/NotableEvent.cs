using Ferret.Events;

namespace Ferret.Detection.Notables;

/// <summary>
/// What Enterprise Security writes to the <c>notable</c> index for one result row of a correlation search:
/// the rule's name, title and description with their tokens filled, severity and urgency, the triage state
/// (status New, owner unassigned), the annotations, the drilldowns with their tokens filled, and the row's
/// own fields (ES copies the result into the notable).
/// </summary>
public sealed record NotableEvent
{
    public required double Time { get; init; }

    public required string EventId { get; init; }

    public required string SearchName { get; init; }

    public required string RuleName { get; init; }

    public required string RuleTitle { get; init; }

    public required string RuleDescription { get; init; }

    public required string SecurityDomain { get; init; }

    public required string Severity { get; init; }

    public required string Urgency { get; init; }

    /// <summary>ES's status code for a new notable ("1"), with <see cref="StatusLabel"/> "New".</summary>
    public string Status { get; init; } = "1";

    public string StatusLabel { get; init; } = "New";

    public string Owner { get; init; } = "unassigned";

    public required Annotations Annotations { get; init; }

    public required IReadOnlyList<FilledDrilldown> Drilldowns { get; init; }

    public required RunWindow Window { get; init; }

    /// <summary>The result row the notable was made from.</summary>
    public required Event Result { get; init; }
}

/// <summary>A drilldown search with its <c>$field$</c> and <c>%...%</c> tokens filled from the row.</summary>
public sealed record FilledDrilldown(string Name, string Search, string EarliestOffset, string LatestOffset);
