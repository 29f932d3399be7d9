using System.Globalization;

namespace Ferret.Detection.RiskAlerting;

/// <summary>
/// The thresholds of the default risk incident rules, ES's defaults unless a user's file says otherwise: a risk object
/// whose summed risk score over 24 hours exceeds 100, or that shows 3 or more distinct ATT&amp;CK tactics from 4 or more
/// distinct sources (detections) over 7 days (Splunk ES, "Risk incident rules"). The file holds <c>name = value</c>
/// lines (<c>#</c> starts a comment), the names being the properties' snake_case names (<see cref="Load"/>).
/// </summary>
public sealed record RiskAlertingSettings
{
    public static RiskAlertingSettings Default { get; } = new();

    /// <summary>24-hour rule: an object's summed score must be greater than this.</summary>
    public double RiskScoreThreshold { get; init; } = 100;

    /// <summary>24-hour rule: how far back it adds up risk, in hours.</summary>
    public double RiskScoreWindowHours { get; init; } = 24;

    /// <summary>7-day rule: at least this many distinct tactics.</summary>
    public int TacticThreshold { get; init; } = 3;

    /// <summary>7-day rule: at least this many distinct sources (the searches that wrote the risk).</summary>
    public int SourceThreshold { get; init; } = 4;

    /// <summary>7-day rule: how far back it looks, in days.</summary>
    public double TacticWindowDays { get; init; } = 7;

    /// <summary>Reads a settings file; each error names the file, the line and what is wrong.</summary>
    /// <exception cref="FormatException">a line is not <c>name = value</c>, names an unknown setting, or its value is not a positive number.</exception>
    public static RiskAlertingSettings Load(string path)
    {
        var settings = Default;
        var lineNumber = 0;
        foreach (var raw in File.ReadLines(path))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new FormatException($"{path}:{lineNumber}: expected 'name = value', got '{line}'");
            }

            var name = line[..equals].Trim();
            var text = line[(equals + 1)..].Trim();
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value <= 0 || !double.IsFinite(value))
            {
                throw new FormatException($"{path}:{lineNumber}: {name} must be a positive number, got '{text}'");
            }

            settings = name switch
            {
                "risk_score_threshold" => settings with { RiskScoreThreshold = value },
                "risk_score_window_hours" => settings with { RiskScoreWindowHours = value },
                "tactic_threshold" => settings with { TacticThreshold = WholeNumber(value, name, path, lineNumber) },
                "source_threshold" => settings with { SourceThreshold = WholeNumber(value, name, path, lineNumber) },
                "tactic_window_days" => settings with { TacticWindowDays = value },
                _ => throw new FormatException($"{path}:{lineNumber}: unknown setting '{name}' (known: risk_score_threshold, risk_score_window_hours, tactic_threshold, source_threshold, tactic_window_days)"),
            };
        }

        return settings;
    }

    private static int WholeNumber(double value, string name, string path, int line) =>
        value == Math.Floor(value) && value <= int.MaxValue
            ? (int)value
            : throw new FormatException($"{path}:{line}: {name} must be a whole number, got {value.ToString(CultureInfo.InvariantCulture)}");
}
