using Ferret.Content;

namespace Ferret.Publishing.Docs;

public static partial class DetectionPage
{
    private static readonly string[] TestTypes = ["validation", "unit", "integration"];

    /// <summary>
    /// Validation, unit and integration rows from Ferret's own <c>ferret test</c> results. A detection the
    /// results do not cover shows "Not run", with the datasets its tests name.
    /// </summary>
    private static IEnumerable<DocBlock> TestingSection(DetectionDefinition detection, DetectionTestResults? results)
    {
        yield return new DocHeading("Detection Testing");
        var rows = new List<IReadOnlyList<DocCell>>();
        foreach (var type in TestTypes)
        {
            var matching = results?.Tests.Where(t => string.Equals(t.Type, type, StringComparison.OrdinalIgnoreCase)).ToList() ?? [];
            if (matching.Count > 0)
            {
                rows.AddRange(matching.Select(result => ResultRow(type, result)));
            }
            else
            {
                rows.AddRange(NotRunRows(type, detection));
            }
        }

        yield return new DocTable(["Test Type", "Status", "Dataset", "Source", "Sourcetype"], rows);
        yield return new DocParagraph(
            "Replay any dataset offline with Ferret: ferret test --content DIR runs each detection on its attack data and checks its risk objects.");
        if (results is null)
        {
            yield return new DocParagraph("No Ferret test results were given for this detection (ferret docs --test-results FILE).");
        }
    }

    private static IReadOnlyList<DocCell> ResultRow(string type, TestResult result)
    {
        var dataset = result.DatasetOrFirst;
        var hasDataset = type != "validation" && !string.IsNullOrEmpty(dataset);
        return
        [
            Title(type),
            StatusText(result.Status),
            hasDataset ? new DocCell("Dataset", dataset) : "N/A",
            type == "validation" ? "N/A" : result.Source ?? "N/A",
            type == "validation" ? "N/A" : result.SourceType ?? "N/A",
        ];
    }

    private static IEnumerable<IReadOnlyList<DocCell>> NotRunRows(string type, DetectionDefinition detection)
    {
        var datasets = detection.Tests.SelectMany(t => t.AttackData).ToList();
        if (type == "validation" || datasets.Count == 0)
        {
            return [[Title(type), "Not run", "N/A", "N/A", "N/A"]];
        }

        return datasets.Select(data => (IReadOnlyList<DocCell>)
            [Title(type), "Not run", new DocCell("Dataset", data.Data), data.Source ?? "N/A", data.SourceType ?? "N/A"]);
    }

    private static string Title(string type) => char.ToUpperInvariant(type[0]) + type[1..];

    /// <summary>The statuses of the docs site: ✅ Passing, ❌ Failing, Not Applicable; Ferret adds Skipped and Error.</summary>
    public static string StatusText(string status) => status.ToLowerInvariant() switch
    {
        "pass" or "passed" or "passing" => "✅ Passing",
        "fail" or "failed" or "failing" => "❌ Failing",
        "error" => "❌ Error",
        "not_applicable" or "n/a" => "Not Applicable",
        "skip" or "skipped" => "⚠️ Skipped",
        _ => status,
    };
}
