using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Ferret.Content;
using Ferret.Events;

namespace Ferret.Detection.Notables;

/// <summary>
/// Builds the notable event ES creates for one result row of a detection. Only TTP and Correlation
/// detections create notables (ESCU sets the notable action on those types; Anomaly and Hunting write
/// risk or nothing).
/// </summary>
public static class NotableBuilder
{
    public static bool CreatesNotables(DetectionDefinition detection) =>
        detection.Type.Equals(DetectionTypes.Ttp, StringComparison.OrdinalIgnoreCase)
        || detection.Type.Equals(DetectionTypes.Correlation, StringComparison.OrdinalIgnoreCase);

    /// <summary>The notable for <paramref name="row"/>, or null when the detection's type makes none.</summary>
    public static NotableEvent? Build(DetectionDefinition detection, Event row, RunWindow window)
    {
        if (!CreatesNotables(detection))
        {
            return null;
        }

        var severity = Severity.FromRiskScore(detection.RiskScore);
        var windowTokens = WindowTokens(window);
        return new NotableEvent
        {
            Time = row.Time ?? window.SearchTime,
            EventId = EventIdentity(detection, row),
            SearchName = window.SearchName(detection.Name),
            RuleName = window.SearchName(detection.Name),
            RuleTitle = TokenSubstitution.FillFieldTokens(TokenSubstitution.FillDetectionTokens("%name%", detection), row, windowTokens),
            RuleDescription = TokenSubstitution.FillFieldTokens(TokenSubstitution.FillDetectionTokens("%description%", detection), row, windowTokens),
            SecurityDomain = detection.Tags.SecurityDomain,
            Severity = severity,
            Urgency = Severity.UrgencyForUnknownPriority(severity),
            Annotations = Annotations.From(detection),
            Drilldowns = [.. detection.Drilldowns.Select(d => Fill(d, detection, row, windowTokens))],
            Window = window,
            Result = row,
        };
    }

    private static FilledDrilldown Fill(Drilldown drilldown, DetectionDefinition detection, Event row, IReadOnlyDictionary<string, string> tokens) =>
        new(
            TokenSubstitution.FillFieldTokens(drilldown.Name, row, tokens),
            TokenSubstitution.FillFieldTokens(TokenSubstitution.FillDetectionTokens(drilldown.Search, detection), row, tokens),
            TokenSubstitution.FillFieldTokens(drilldown.EarliestOffset, row, tokens),
            TokenSubstitution.FillFieldTokens(drilldown.LatestOffset, row, tokens));

    internal static IReadOnlyDictionary<string, string> WindowTokens(RunWindow window)
    {
        var tokens = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["info_search_time"] = FormatEpoch(window.SearchTime),
        };
        if (window.EarliestTime is { } earliest)
        {
            tokens["info_min_time"] = FormatEpoch(earliest);
        }

        if (window.LatestTime is { } latest)
        {
            tokens["info_max_time"] = FormatEpoch(latest);
        }

        return tokens;
    }

    internal static string FormatEpoch(double seconds) => seconds.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>ES gives each notable a unique id; Ferret derives it from the detection and the row so that
    /// the same input always gives the same id (stable output, comparable runs).</summary>
    private static string EventIdentity(DetectionDefinition detection, Event row)
    {
        var text = new StringBuilder(detection.Id).Append('|').Append(detection.Name);
        foreach (var field in row.Fields.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            text.Append('|').Append(field.Key).Append('=').Append(field.Value.ToString());
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }
}
