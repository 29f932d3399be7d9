using System.Text.Json;
using System.Xml;
using Ferret.Events;
using Ferret.Ingest.Windows;
using Ferret.Server.Store;

namespace Ferret.Server.Search;

/// <summary>
/// Turns a stored event back into a searchable <see cref="Event"/>, extracting fields at search time as Splunk does
/// (its indexed metadata is kept as stored): a Windows XML event (<c>XmlWinEventLog</c>) gets the Windows add-on's
/// fields through the same mapper the file readers use; a JSON object gets one field per leaf (KV_MODE=json: nested
/// names joined with '.', array elements as a multivalue field named with <c>{}</c>); the HEC envelope's indexed
/// <c>fields</c> are added as they were sent. A raw text that does not parse keeps only its metadata and <c>_raw</c>.
/// </summary>
internal static class EventExtraction
{
    public static Event ToEvent(StoredEvent stored)
    {
        var e = Extract(stored);
        e.Time = stored.Time;
        e.Raw = stored.Raw;
        e.Host = stored.Host;
        e.Source = stored.Source;
        e.SourceType = stored.SourceType;
        e.Index = stored.Index;
        if (stored.IndexedFields is { } fields)
        {
            AddIndexedFields(e, fields);
        }

        return e;
    }

    private static Event Extract(StoredEvent stored)
    {
        var raw = stored.Raw.AsSpan().TrimStart();
        if (raw.StartsWith("<Event", StringComparison.Ordinal))
        {
            try
            {
                return WindowsEventMapper.FromXml(stored.Raw);
            }
            catch (Exception error) when (error is XmlException or FormatException)
            {
                return new Event();
            }
        }

        if (raw.StartsWith("{"))
        {
            try
            {
                using var document = JsonDocument.Parse(stored.Raw);
                var e = new Event();
                Flatten(e, document.RootElement, string.Empty, stored.SourceType == StashSourceType ? string.Empty : "{}");
                return e;
            }
            catch (JsonException)
            {
                return new Event();
            }
        }

        return new Event();
    }

    /// <summary>The sourcetype of what the server's alert actions write (notables, risk events), as ES's summary indexing:
    /// its multivalue fields keep their names (<c>annotations.mitre_attack.mitre_tactic_id</c>, not <c>...{}</c>), so the
    /// Risk data model and the risk incident rules read them as ES does.</summary>
    private const string StashSourceType = "stash";

    /// <summary>Adds every leaf of <paramref name="element"/> as a field (values of a repeated name accumulate); array
    /// elements take <paramref name="arraySuffix"/> after the name (<c>{}</c> as KV_MODE=json names them).</summary>
    internal static void Flatten(Event e, JsonElement element, string prefix, string arraySuffix = "{}")
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Flatten(e, property.Value, prefix.Length == 0 ? property.Name : prefix + "." + property.Name, arraySuffix);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Flatten(e, item, prefix + arraySuffix, arraySuffix);
                }

                break;
            case JsonValueKind.Null:
            case JsonValueKind.Undefined:
                break;
            default:
                Append(e, prefix, element.ValueKind == JsonValueKind.String ? element.GetString()! : element.GetRawText());
                break;
        }
    }

    private static void AddIndexedFields(Event e, string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                e.Remove(property.Name);
                Flatten(e, property.Value, property.Name);
            }
        }
        catch (JsonException)
        {
            // Indexed fields are validated when HEC accepts them; a stored value that does not parse adds nothing.
        }
    }

    private static void Append(Event e, string name, string value)
    {
        if (name.Length == 0)
        {
            return;
        }

        var existing = e[name];
        e[name] = existing.IsNull ? FieldValue.Of(value) : FieldValue.Multi(existing.Values.Append(Scalar.Of(value)));
    }
}
