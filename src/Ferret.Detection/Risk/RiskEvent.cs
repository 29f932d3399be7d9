using Ferret.Detection.Notables;
using Ferret.Events;

namespace Ferret.Detection.Risk;

/// <summary>
/// What Enterprise Security's risk action writes to the <c>risk</c> index for one risk object of one result
/// row: the object (value, type, the field it came from, its role), its score, the message with tokens
/// filled, the threat objects of the row, the search that raised it and the annotations.
/// </summary>
public sealed record RiskEvent
{
    public required double Time { get; init; }

    public required string SearchName { get; init; }

    public required string RiskObject { get; init; }

    /// <summary>user, system or other (ES's risk object types).</summary>
    public required string RiskObjectType { get; init; }

    public required string RiskObjectField { get; init; }

    public required string RiskObjectRole { get; init; }

    public required int RiskScore { get; init; }

    public required string RiskMessage { get; init; }

    public required IReadOnlyList<string> ThreatObjects { get; init; }

    public required IReadOnlyList<string> ThreatObjectTypes { get; init; }

    public required IReadOnlyList<string> ThreatObjectFields { get; init; }

    public required Annotations Annotations { get; init; }

    public required RunWindow Window { get; init; }

    /// <summary>The result row the risk event was made from.</summary>
    public required Event Result { get; init; }
}
