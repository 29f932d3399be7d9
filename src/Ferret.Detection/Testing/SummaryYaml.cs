using System.Globalization;
using YamlDotNet.Serialization;

namespace Ferret.Detection.Testing;

/// <summary>
/// A test run as the <c>summary.yml</c> contentctl writes after <c>contentctl test</c>: a <c>summary</c>
/// block with totals and success rate, then <c>tested_detections</c> (each with its tests) and
/// <c>untested_detections</c> (skipped ones, with the reason).
/// </summary>
public static class SummaryYaml
{
    public static string Write(TestRun run)
    {
        var tested = run.Detections.Where(d => d.Status != TestStatus.Skip).ToList();
        var untested = run.Detections.Where(d => d.Status == TestStatus.Skip).ToList();
        var passed = tested.Count(d => d.Status == TestStatus.Pass);
        var document = new Dictionary<string, object?>
        {
            ["summary"] = new Dictionary<string, object?>
            {
                ["mode"] = run.Mode,
                ["enable_integration_testing"] = false,
                ["success"] = run.Success,
                ["total_detections"] = run.Detections.Count,
                ["total_tested_detections"] = tested.Count,
                ["total_pass"] = passed,
                ["total_fail"] = tested.Count(d => d.Status == TestStatus.Fail),
                ["total_error"] = tested.Count(d => d.Status == TestStatus.Error),
                ["total_skipped"] = untested.Count,
                ["total_production"] = run.Detections.Count(d => d.Detection.Status == "production"),
                ["total_experimental"] = run.Detections.Count(d => d.Detection.Status == "experimental"),
                ["total_deprecated"] = run.Detections.Count(d => d.Detection.IsDeprecated),
                ["success_rate"] = tested.Count == 0 ? "100.0%" : (100.0 * passed / tested.Count).ToString("0.0", CultureInfo.InvariantCulture) + "%",
                ["duration"] = Math.Round(run.Duration.TotalSeconds, 3),
            },
            ["tested_detections"] = tested.Select(Detection).ToList(),
            ["untested_detections"] = untested.Select(Detection).ToList(),
        };
        return new SerializerBuilder().DisableAliases().Build().Serialize(document);
    }

    private static Dictionary<string, object?> Detection(DetectionTestResult result) => new()
    {
        ["name"] = result.Detection.Name,
        ["id"] = result.Detection.Id,
        ["type"] = result.Detection.Type,
        ["production_status"] = result.Detection.Status,
        ["status"] = StatusText(result.Status),
        ["source_category"] = SourceCategory(result.Detection.FilePath),
        ["data_source"] = result.Detection.DataSources.ToList(),
        ["search"] = result.Detection.Search.Trim(),
        ["file_path"] = result.Detection.FilePath,
        ["manual_test"] = result.Detection.Tags.ManualTest,
        ["success"] = result.Status is TestStatus.Pass,
        ["tests"] = result.Tests.Select(t => new Dictionary<string, object?>
        {
            ["name"] = t.TestName,
            ["test_type"] = t.TestType,
            ["success"] = t.Status == TestStatus.Pass,
            ["message"] = t.Message,
            ["exception"] = t.Status == TestStatus.Error ? t.Message : null,
            ["status"] = StatusText(t.Status),
            ["duration"] = Math.Round(t.Duration.TotalSeconds, 3),
            ["resultCount"] = t.ResultCount.ToString(CultureInfo.InvariantCulture),
            ["notables"] = t.Notables,
            ["risk_events"] = t.RiskEvents,
        }).ToList(),
    };

    internal static string StatusText(TestStatus status) => status.ToString().ToLowerInvariant();

    private static string SourceCategory(string filePath)
    {
        var parts = filePath.Replace('\\', '/').Split('/');
        var at = Array.IndexOf(parts, "detections");
        return at >= 0 && at + 2 < parts.Length ? parts[at + 1] : string.Empty;
    }
}
