using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;
using Ferret.Detection.Search;
using Ferret.Events;

namespace Ferret.Server.Rest;

/// <summary>
/// Search results as splunkd returns them: <c>output_mode=json</c> (<c>{"preview": false, "init_offset", "messages",
/// "fields", "results"}</c>, values as strings or arrays of strings), <c>csv</c>, or XML (<c>&lt;results preview="0"&gt;</c>
/// with <c>&lt;meta&gt;&lt;fieldOrder&gt;</c>, each <c>&lt;result&gt;</c>'s <c>&lt;field k&gt;&lt;value&gt;&lt;text&gt;</c>,
/// <c>_raw</c> as <c>&lt;v&gt;</c>), which splunk-sdk-python's results readers parse. <c>_time</c> is written as splunkd
/// formats it (ISO 8601 with milliseconds and offset).
/// </summary>
internal static class ResultsFormat
{
    public static string ContentType(string mode) => mode switch
    {
        "json" => "application/json; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        _ => "text/xml; charset=utf-8",
    };

    public static string Write(string mode, IReadOnlyList<Event> rows, IReadOnlyList<(string Type, string Text)> messages, int offset) => mode switch
    {
        "json" => Json(rows, messages, offset),
        "csv" => Csv(rows),
        _ => Xml(rows, messages, offset),
    };

    /// <summary>Fields in order of first appearance, <c>_time</c> first, as <c>ferret search</c> orders its columns.</summary>
    public static List<string> FieldOrder(IReadOnlyList<Event> rows) => ResultWriter.Columns(rows);

    public static IReadOnlyList<string> Values(Event row, string field)
    {
        var value = row[field];
        if (field == FieldNames.Time && value.First.TryGetNumber(out var epoch))
        {
            return [AtomFeed.Time(EpochTime.ToDateTimeOffset(epoch))];
        }

        return [.. value.Texts];
    }

    public static Dictionary<string, object> JsonRow(Event row, IReadOnlyList<string> fields)
    {
        var result = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            var values = Values(row, field);
            if (values.Count == 1)
            {
                result[field] = values[0];
            }
            else if (values.Count > 1)
            {
                result[field] = values;
            }
        }

        return result;
    }

    private static string Json(IReadOnlyList<Event> rows, IReadOnlyList<(string Type, string Text)> messages, int offset)
    {
        var fields = FieldOrder(rows);
        return JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["preview"] = false,
            ["init_offset"] = offset,
            ["messages"] = messages.Select(m => new Dictionary<string, string> { ["type"] = m.Type, ["text"] = m.Text }).ToList(),
            ["fields"] = fields.Select(f => new Dictionary<string, string> { ["name"] = f }).ToList(),
            ["results"] = rows.Select(r => JsonRow(r, fields)).ToList(),
        });
    }

    private static string Csv(IReadOnlyList<Event> rows)
    {
        var fields = FieldOrder(rows);
        var text = new StringBuilder();
        text.AppendJoin(',', fields.Select(Quote)).Append('\n');
        foreach (var row in rows)
        {
            text.AppendJoin(',', fields.Select(f => Quote(string.Join('\n', Values(row, f))))).Append('\n');
        }

        return text.ToString();
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    private static string Xml(IReadOnlyList<Event> rows, IReadOnlyList<(string Type, string Text)> messages, int offset)
    {
        var fields = FieldOrder(rows);
        var settings = new XmlWriterSettings { Indent = true, CheckCharacters = false, OmitXmlDeclaration = true };
        var text = new StringBuilder();
        using (var xml = XmlWriter.Create(text, settings))
        {
            xml.WriteStartElement("results");
            xml.WriteAttributeString("preview", "0");
            xml.WriteStartElement("meta");
            xml.WriteStartElement("fieldOrder");
            foreach (var field in fields)
            {
                xml.WriteElementString("field", field);
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
            if (messages.Count > 0)
            {
                xml.WriteStartElement("messages");
                foreach (var (type, message) in messages)
                {
                    xml.WriteStartElement("msg");
                    xml.WriteAttributeString("type", type);
                    xml.WriteString(AtomFeed.XmlSafe(message));
                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
            }

            for (var i = 0; i < rows.Count; i++)
            {
                xml.WriteStartElement("result");
                xml.WriteAttributeString("offset", (offset + i).ToString(CultureInfo.InvariantCulture));
                foreach (var field in fields)
                {
                    var values = Values(rows[i], field);
                    if (values.Count == 0)
                    {
                        continue;
                    }

                    xml.WriteStartElement("field");
                    xml.WriteAttributeString("k", field);
                    if (field == FieldNames.Raw)
                    {
                        xml.WriteStartElement("v");
                        xml.WriteAttributeString("xml", "space", null, "preserve");
                        xml.WriteAttributeString("trunc", "0");
                        xml.WriteString(AtomFeed.XmlSafe(values[0]));
                        xml.WriteEndElement();
                    }
                    else
                    {
                        foreach (var value in values)
                        {
                            xml.WriteStartElement("value");
                            xml.WriteElementString("text", AtomFeed.XmlSafe(value));
                            xml.WriteEndElement();
                        }
                    }

                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        return text.ToString();
    }
}
