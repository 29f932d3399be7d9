using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ferret.Publishing.Docs;

/// <summary>
/// The results of <c>ferret test</c> as the docs read them (shape: docs/test-results.md): per detection,
/// a validation, unit and integration result with its status and the dataset it replayed.
/// </summary>
public sealed record TestResultsFile
{
    [JsonPropertyName("version")]
    public int Version { get; init; } = 1;

    [JsonPropertyName("generated")]
    public string? Generated { get; init; }

    [JsonPropertyName("ferret_version")]
    public string? FerretVersion { get; init; }

    [JsonPropertyName("detections")]
    public IReadOnlyList<DetectionTestResults> Detections { get; init; } = [];

    public static TestResultsFile Load(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return JsonSerializer.Deserialize<TestResultsFile>(stream, Options)
                ?? throw new InvalidDataException($"{path}: the test results file is empty (null)");
        }
        catch (JsonException error)
        {
            throw new InvalidDataException(
                $"{path}: line {(error.LineNumber ?? 0) + 1}, byte {(error.BytePositionInLine ?? 0) + 1}: not a Ferret test results file: {error.Message}", error);
        }
    }

    public static TestResultsFile Parse(string json) =>
        JsonSerializer.Deserialize<TestResultsFile>(json, Options) ?? new TestResultsFile();

    /// <summary>The results of a detection, found by id first, then by name.</summary>
    public DetectionTestResults? Find(string id, string name) =>
        Detections.FirstOrDefault(d => id.Length > 0 && string.Equals(d.Id, id, StringComparison.OrdinalIgnoreCase))
        ?? Detections.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.Ordinal));

    private static readonly JsonSerializerOptions Options = new()
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };
}

public sealed record DetectionTestResults
{
    [JsonPropertyName("name")]
    public string Name { get; init; } = string.Empty;

    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("tests")]
    public IReadOnlyList<TestResult> Tests { get; init; } = [];
}

public sealed record TestResult
{
    /// <summary>validation, unit or integration.</summary>
    [JsonPropertyName("type")]
    public string Type { get; init; } = "unit";

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>pass, fail, error, skip or not_applicable.</summary>
    [JsonPropertyName("status")]
    public string Status { get; init; } = "skip";

    [JsonPropertyName("message")]
    public string? Message { get; init; }

    [JsonPropertyName("dataset")]
    public string? Dataset { get; init; }

    /// <summary>The datasets replayed, when the writer lists several; the first stands for <see cref="Dataset"/>.</summary>
    [JsonPropertyName("attack_data")]
    public IReadOnlyList<string> AttackData { get; init; } = [];

    /// <summary><see cref="Dataset"/>, or the first of <see cref="AttackData"/>.</summary>
    [JsonIgnore]
    public string? DatasetOrFirst => Dataset ?? (AttackData.Count > 0 ? AttackData[0] : null);

    [JsonPropertyName("source")]
    public string? Source { get; init; }

    [JsonPropertyName("sourcetype")]
    public string? SourceType { get; init; }

    [JsonPropertyName("result_count")]
    public int? ResultCount { get; init; }

    [JsonPropertyName("duration_seconds")]
    public double? DurationSeconds { get; init; }
}
