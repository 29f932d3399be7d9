using System.Text;
using System.Text.Json;
using Ferret.Events;
using Ferret.Ingest.Sources;
using Ferret.Ingest.Windows;

namespace Ferret.Ingest.Json;

/// <summary>
/// JSON lines: one JSON object per line (objects written back to back on one line, <c>}{</c>, are each an
/// event, as some exports have them); blank lines are skipped. Each object's shape is recognised on its own
/// (<see cref="JsonShapes"/>), so a file may mix shapes. A line that is not JSON, or a Windows record that
/// cannot be rendered, is reported with its line number and the rest is read.
/// </summary>
internal static class JsonLinesReader
{
    public static IEnumerable<Event> Read(TextReader text, SourceFile file)
    {
        var lineNumber = 0;
        while (text.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            foreach (var e in MapLine(line, lineNumber, file))
            {
                yield return file.Finish(e);
            }
        }
    }

    private static List<Event> MapLine(string line, int lineNumber, SourceFile file)
    {
        var events = new List<Event>(1);
        var bytes = Encoding.UTF8.GetBytes(line);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { AllowMultipleValues = true });
        try
        {
            while (reader.Read())
            {
                var start = (int)reader.TokenStartIndex;
                using var document = JsonDocument.ParseValue(ref reader);
                var raw = events.Count == 0 && reader.BytesConsumed == bytes.Length
                    ? line
                    : Encoding.UTF8.GetString(bytes, start, (int)reader.BytesConsumed - start);
                events.Add(MapValue(document.RootElement, raw, file));
            }
        }
        catch (JsonException error)
        {
            file.Report($"line {lineNumber}", $"malformed JSON: {error.Message}");
        }
        catch (Exception error) when (error is System.Xml.XmlException or FormatException)
        {
            file.Report($"line {lineNumber}", $"not a Windows event: {error.Message}");
        }
        catch (InvalidOperationException error)
        {
            // System.Text.Json reads a lone surrogate escape ("\ud800") but refuses to turn it into a string.
            file.Report($"line {lineNumber}", $"JSON that cannot be read as text (e.g. a lone surrogate escape): {error.Message}");
        }

        return events;
    }

    private static Event MapValue(JsonElement root, string raw, SourceFile file)
    {
        var shape = file.Options.ForcesGenericJson ? JsonShape.Generic : JsonShapes.Detect(root);
        return shape switch
        {
            JsonShape.WindowsFlat => FromDraft(WindowsFlatJsonMapper.ToDraft(root)),
            JsonShape.Winlogbeat => WinlogbeatJsonMapper.OriginalXml(root) is { } xml
                ? WindowsEventMapper.FromXml(xml, Message(root))
                : FromDraft(WinlogbeatJsonMapper.ToDraft(root)),
            _ => GenericJsonMapper.Map(root, raw, file.DisplayName),
        };
    }

    private static Event FromDraft(WindowsEventDraft draft) => WindowsEventMapper.FromXml(draft.ToXml(), draft.Message);

    private static string? Message(JsonElement root) =>
        root.TryGetProperty("message", out var message) ? JsonShapes.ScalarText(message) : null;
}
