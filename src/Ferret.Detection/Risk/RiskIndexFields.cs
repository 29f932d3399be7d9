using System.Globalization;
using Ferret.Events;

namespace Ferret.Detection.Risk;

/// <summary>
/// The fields of ES's <c>risk</c> index for one risk event, in one place so that what a hunt writes (<c>-f notables</c>),
/// what serve stores in <c>index=risk</c> and what the hunt's Risk data model reads agree. Besides what the risk action
/// sets (object, type, score, message, threat objects, stories, annotations), ES derives <c>calculated_risk_score</c>
/// (the score after risk factors; with none, the score itself) and <c>normalized_risk_object</c> (the object lower-cased,
/// so <c>WKS-1</c> and <c>wks-1</c> add up) (Splunk ES, "Risk-based alerting" and the Risk data model).
/// </summary>
public static class RiskIndexFields
{
    /// <summary>The fields every risk event carries, besides the row it was made from; a row field of the same name loses.</summary>
    public static readonly IReadOnlySet<string> Reserved = new HashSet<string>(StringComparer.Ordinal)
    {
        "index", "_time", "search_name", "source", "sourcetype", "risk_object", "risk_object_type", "risk_object_field", "risk_object_role",
        "risk_score", "calculated_risk_score", "normalized_risk_object", "risk_message", "threat_object", "threat_object_type",
        "threat_object_field", "analyticstories", "info_min_time", "info_max_time", "info_search_time", "orig_sid",
    };

    /// <summary>The object as ES normalizes it for adding up risk.</summary>
    public static string Normalize(string riskObject) => riskObject.Trim().ToLowerInvariant();

    internal static IEnumerable<IndexField> For(RiskEvent risk)
    {
        yield return IndexField.Of("_time", Math.Round(risk.Time, 3));
        yield return IndexField.Of("search_name", risk.SearchName);
        yield return IndexField.Of("source", risk.SearchName);
        yield return IndexField.Of("risk_object", risk.RiskObject);
        yield return IndexField.Of("risk_object_type", risk.RiskObjectType);
        yield return IndexField.Of("risk_object_field", risk.RiskObjectField);
        yield return IndexField.Of("risk_object_role", risk.RiskObjectRole);
        yield return IndexField.Of("risk_score", risk.RiskScore);
        yield return IndexField.Of("calculated_risk_score", risk.RiskScore);
        yield return IndexField.Of("normalized_risk_object", Normalize(risk.RiskObject));
        yield return IndexField.Of("risk_message", risk.RiskMessage);
        yield return IndexField.Of("threat_object", risk.ThreatObjects);
        yield return IndexField.Of("threat_object_type", risk.ThreatObjectTypes);
        yield return IndexField.Of("threat_object_field", risk.ThreatObjectFields);
        yield return IndexField.Of("analyticstories", risk.Annotations.AnalyticStories);
        foreach (var field in IndexField.Annotations(risk.Annotations).Concat(IndexField.Window(risk.Window)))
        {
            yield return field;
        }
    }

    /// <summary>
    /// The risk event as an event of <c>index=risk</c> (sourcetype <c>stash</c>, source the search name, as ES's summary
    /// indexing writes it): the row's fields, then the risk index's, then <c>orig_sid</c>, the run that wrote it. The Risk
    /// data model (<c>datamodel=Risk.All_Risk</c>, constraint <c>index=risk</c>) reads exactly this.
    /// </summary>
    public static Event ToEvent(RiskEvent risk, string origSid)
    {
        var e = new Event(risk.Result.FieldCount + 40);
        foreach (var (name, value) in risk.Result.Fields)
        {
            if (!Reserved.Contains(name) && !name.StartsWith("annotations", StringComparison.Ordinal) && !name.StartsWith('_'))
            {
                e.Set(name, value);
            }
        }

        foreach (var field in For(risk))
        {
            if (!field.Value.IsNull)
            {
                e.Set(field.Name, field.Value);
            }
        }

        e.Set("index", "risk");
        e.Set("sourcetype", "stash");
        e.Set("orig_sid", origSid);
        e.Set("_raw", string.Create(CultureInfo.InvariantCulture, $"{risk.Time:0.###}, search_name=\"{risk.SearchName}\", risk_object=\"{risk.RiskObject}\", risk_score={risk.RiskScore}"));
        e.Origin = risk.Result.Origin;
        return e;
    }
}
