using System.Text.Json;
using Ferret.Detection.Risk;
using Ferret.Events;

namespace Ferret.Detection.Notables;

/// <summary>
/// Writes notable and risk events as JSON objects with the field names of ES's <c>notable</c> and
/// <c>risk</c> indexes (one object per line in JSON Lines output). The result row's own fields come first,
/// as ES copies them into the event; the index's fields follow and win over a row field of the same name.
/// Annotations are written as the dotted fields ES searches on (<c>annotations.mitre_attack</c>,
/// <c>annotations.mitre_attack.mitre_tactic</c>, ...).
/// </summary>
public static class IndexEventJson
{
    private static readonly JsonWriterOptions Options = new() { Indented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(NotableEvent notable)
    {
        return WriteObject(json =>
        {
            json.WriteString("index", "notable");
            WriteRow(json, notable.Result, NotableFieldNames);
            json.WriteNumber("_time", Math.Round(notable.Time, 3));
            json.WriteString("event_id", notable.EventId);
            json.WriteString("search_name", notable.SearchName);
            json.WriteString("source", notable.SearchName);
            json.WriteString("rule_name", notable.RuleName);
            json.WriteString("rule_title", notable.RuleTitle);
            json.WriteString("rule_description", notable.RuleDescription);
            json.WriteString("security_domain", notable.SecurityDomain);
            json.WriteString("severity", notable.Severity);
            json.WriteString("urgency", notable.Urgency);
            json.WriteString("status", notable.Status);
            json.WriteString("status_label", notable.StatusLabel);
            json.WriteString("owner", notable.Owner);
            WriteAnnotations(json, notable.Annotations);
            if (notable.Drilldowns.Count > 0)
            {
                var first = notable.Drilldowns[0];
                json.WriteString("drilldown_name", first.Name);
                json.WriteString("drilldown_search", first.Search);
                json.WriteString("drilldown_earliest_offset", first.EarliestOffset);
                json.WriteString("drilldown_latest_offset", first.LatestOffset);
                json.WriteStartArray("drilldown_searches");
                foreach (var drilldown in notable.Drilldowns)
                {
                    json.WriteStartObject();
                    json.WriteString("name", drilldown.Name);
                    json.WriteString("search", drilldown.Search);
                    json.WriteString("earliest_offset", drilldown.EarliestOffset);
                    json.WriteString("latest_offset", drilldown.LatestOffset);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            WriteWindow(json, notable.Window);
        });
    }

    public static string Write(RiskEvent risk)
    {
        return WriteObject(json =>
        {
            json.WriteString("index", "risk");
            WriteRow(json, risk.Result, RiskIndexFields.Reserved);
            WriteFields(json, RiskIndexFields.For(risk));
        });
    }

    /// <summary>A result row of a detection that makes neither notables nor risk (Hunting), tagged with its search.</summary>
    public static string WriteResult(Content.DetectionDefinition detection, Event row)
    {
        return WriteObject(json =>
        {
            json.WriteString("index", "hunting");
            json.WriteString("search_name", SavedSearchNames.Rule("ESCU", detection));
            json.WriteString("search_type", detection.Type);
            foreach (var (name, value) in row.Fields.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                if (name is not ("index" or "search_name" or "search_type"))
                {
                    WriteValue(json, name, value);
                }
            }
        });
    }

    /// <summary>One JSON object on one line: the framing every index event shares.</summary>
    private static string WriteObject(Action<Utf8JsonWriter> writeFields)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            writeFields(json);
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static readonly HashSet<string> NotableFieldNames = new(StringComparer.Ordinal)
    {
        "index", "_time", "event_id", "search_name", "source", "rule_name", "rule_title", "rule_description", "security_domain",
        "severity", "urgency", "status", "status_label", "owner", "drilldown_name", "drilldown_search", "drilldown_earliest_offset",
        "drilldown_latest_offset", "drilldown_searches", "info_min_time", "info_max_time", "info_search_time",
    };

    private static void WriteRow(Utf8JsonWriter json, Event row, IReadOnlySet<string> reserved)
    {
        foreach (var (name, value) in row.Fields.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            if (reserved.Contains(name) || name.StartsWith("annotations", StringComparison.Ordinal))
            {
                continue;
            }

            WriteValue(json, name, value);
        }
    }

    internal static void WriteValue(Utf8JsonWriter json, string name, FieldValue value)
    {
        if (value.IsMultivalue)
        {
            json.WriteStartArray(name);
            foreach (var scalar in value.Values)
            {
                WriteScalar(json, scalar);
            }

            json.WriteEndArray();
        }
        else
        {
            json.WritePropertyName(name);
            WriteScalar(json, value.First);
        }
    }

    private static void WriteScalar(Utf8JsonWriter json, Scalar scalar)
    {
        if (scalar.IsNumber && double.IsFinite(scalar.Number))
        {
            json.WriteNumberValue(scalar.Number);
        }
        else
        {
            json.WriteStringValue(scalar.ToString());
        }
    }

    private static void WriteAnnotations(Utf8JsonWriter json, Annotations annotations) => WriteFields(json, IndexField.Annotations(annotations));

    private static void WriteWindow(Utf8JsonWriter json, RunWindow window) => WriteFields(json, IndexField.Window(window));

    private static void WriteFields(Utf8JsonWriter json, IEnumerable<IndexField> fields)
    {
        foreach (var field in fields)
        {
            if (field.List is { } list)
            {
                WriteList(json, field.Name, list);
            }
            else if (!field.Value.IsNull)
            {
                WriteValue(json, field.Name, field.Value);
            }
        }
    }

    private static void WriteList(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
