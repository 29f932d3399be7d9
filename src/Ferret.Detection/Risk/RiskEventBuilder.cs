using Ferret.Content;
using Ferret.Detection.Notables;
using Ferret.Events;

namespace Ferret.Detection.Risk;

/// <summary>
/// Builds the risk events ES's risk action writes for one result row: one per value of each risk object
/// field the row has (a multivalue field gives one event per value, a missing field none), each carrying
/// that object's score (v4: impact × confidence / 100; v5: the object's own score), the message with its
/// <c>$field$</c> tokens filled, and every threat object value of the row. TTP and Anomaly detections
/// write risk (ESCU's risk action); others do not.
/// </summary>
public static class RiskEventBuilder
{
    public static bool CreatesRisk(DetectionDefinition detection) =>
        detection.Type.Equals(DetectionTypes.Ttp, StringComparison.OrdinalIgnoreCase)
        || detection.Type.Equals(DetectionTypes.Anomaly, StringComparison.OrdinalIgnoreCase);

    public static IReadOnlyList<RiskEvent> Build(DetectionDefinition detection, Event row, RunWindow window)
    {
        if (!CreatesRisk(detection) || detection.RiskObjects.Count == 0)
        {
            return [];
        }

        var threatValues = new List<string>();
        var threatTypes = new List<string>();
        var threatFields = new List<string>();
        foreach (var threat in detection.ThreatObjects)
        {
            foreach (var value in row[threat.Field].Texts)
            {
                threatValues.Add(value);
                threatTypes.Add(threat.Type);
                threatFields.Add(threat.Field);
            }
        }

        var message = TokenSubstitution.FillFieldTokens(detection.RiskMessage, row, NotableBuilder.WindowTokens(window));
        var annotations = Annotations.From(detection);
        var events = new List<RiskEvent>();
        foreach (var riskObject in detection.RiskObjects)
        {
            foreach (var value in row[riskObject.Field].Texts.Where(v => v.Length > 0))
            {
                events.Add(new RiskEvent
                {
                    Time = row.Time ?? window.SearchTime,
                    SearchName = window.SearchName(detection.Name),
                    RiskObject = value,
                    RiskObjectType = riskObject.Type,
                    RiskObjectField = riskObject.Field,
                    RiskObjectRole = riskObject.Role,
                    RiskScore = riskObject.Score,
                    RiskMessage = message,
                    ThreatObjects = threatValues,
                    ThreatObjectTypes = threatTypes,
                    ThreatObjectFields = threatFields,
                    Annotations = annotations,
                    Window = window,
                    Result = row,
                });
            }
        }

        return events;
    }
}
