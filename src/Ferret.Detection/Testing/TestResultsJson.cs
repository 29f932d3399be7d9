using System.Text;
using System.Text.Json;

namespace Ferret.Detection.Testing;

/// <summary>
/// A test run as the JSON file <c>ferret docs --test-results</c> reads to show each detection's test status
/// (shape described in docs/test-results.md): the detections, each with its status and tests.
/// </summary>
public static class TestResultsJson
{
    public static string Write(TestRun run, DateTimeOffset generated)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("tool", "ferret");
            json.WriteString("generated", generated.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteNumber("duration_seconds", Math.Round(run.Duration.TotalSeconds, 3));
            json.WriteStartArray("detections");
            foreach (var detection in run.Detections)
            {
                json.WriteStartObject();
                json.WriteString("id", detection.Detection.Id);
                json.WriteString("name", detection.Detection.Name);
                json.WriteString("file_path", detection.Detection.FilePath);
                json.WriteString("status", SummaryYaml.StatusText(detection.Status));
                json.WriteStartArray("tests");
                foreach (var test in detection.Tests)
                {
                    json.WriteStartObject();
                    json.WriteString("name", test.TestName);
                    json.WriteString("type", test.TestType);
                    json.WriteString("status", SummaryYaml.StatusText(test.Status));
                    json.WriteString("message", test.Message);
                    json.WriteNumber("result_count", test.ResultCount);
                    json.WriteNumber("notables", test.Notables);
                    json.WriteNumber("risk_events", test.RiskEvents);
                    json.WriteNumber("duration_seconds", Math.Round(test.Duration.TotalSeconds, 3));
                    json.WriteStartArray("attack_data");
                    foreach (var dataset in test.Datasets)
                    {
                        json.WriteStringValue(dataset);
                    }

                    json.WriteEndArray();
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
