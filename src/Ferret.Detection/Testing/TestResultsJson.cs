using System.Text;
using System.Text.Json;

namespace Ferret.Detection.Testing;

/// <summary>
/// A test run as the JSON file <c>ferret docs --test-results</c> reads to show each detection's test status
/// (shape in docs/test-results.md): per detection, a validation entry, and per test a unit and an integration entry.
/// </summary>
public static class TestResultsJson
{
    public static string Write(TestRun run, DateTimeOffset generated)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("version", 1);
            json.WriteString("generated", generated.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteString("ferret_version", typeof(TestResultsJson).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
            json.WriteNumber("duration_seconds", Math.Round(run.Duration.TotalSeconds, 3));
            json.WriteStartArray("detections");
            foreach (var detection in run.Detections)
            {
                json.WriteStartObject();
                json.WriteString("name", detection.Detection.Name);
                json.WriteString("id", detection.Detection.Id);
                json.WriteString("file_path", detection.Detection.FilePath);
                json.WriteString("status", SummaryYaml.StatusText(detection.Status));
                json.WriteStartArray("tests");
                WriteEntry(json, "validation", null, detection.CompileError is null ? "pass" : "fail", detection.CompileError);
                foreach (var test in detection.Tests.Where(t => t.TestName != "(none)"))
                {
                    var data = detection.Detection.Tests.FirstOrDefault(t => t.Name == test.TestName)?.AttackData is { Count: > 0 } attack ? attack[0] : null;
                    json.WriteStartObject();
                    json.WriteString("type", "unit");
                    json.WriteString("name", test.TestName);
                    json.WriteString("status", SummaryYaml.StatusText(test.Status));
                    json.WriteString("dataset", data?.Data);
                    json.WriteString("source", data?.Source);
                    json.WriteString("sourcetype", data?.SourceType);
                    json.WriteNumber("result_count", test.ResultCount);
                    json.WriteNumber("notables", test.Notables);
                    json.WriteNumber("risk_events", test.RiskEvents);
                    json.WriteNumber("duration_seconds", Math.Round(test.Duration.TotalSeconds, 3));
                    json.WriteString("message", test.Status == TestStatus.Pass ? null : test.Message);
                    json.WriteEndObject();
                    var (status, message) = Integration(detection, test);
                    WriteEntry(json, "integration", test.TestName, status, message);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>Integration-style: the results made the risk events (and notables) the detection promises.</summary>
    private static (string Status, string? Message) Integration(DetectionTestResult detection, TestOutcome test)
    {
        if (test.Status != TestStatus.Pass)
        {
            return ("skip", "the unit test did not pass");
        }

        var definition = detection.Detection;
        if (Risk.RiskEventBuilder.CreatesRisk(definition) && definition.RiskObjects.Count > 0 && test.RiskEvents == 0)
        {
            return ("fail", "the results made no risk event");
        }

        if (Notables.NotableBuilder.CreatesNotables(definition) && test.Notables == 0)
        {
            return ("fail", "the results made no notable");
        }

        return ("pass", null);
    }

    private static void WriteEntry(Utf8JsonWriter json, string type, string? name, string status, string? message)
    {
        json.WriteStartObject();
        json.WriteString("type", type);
        if (name is not null)
        {
            json.WriteString("name", name);
        }

        json.WriteString("status", status);
        json.WriteString("message", message);
        json.WriteEndObject();
    }
}
