using Ferret.Content.Yaml;
using YamlDotNet.RepresentationModel;

namespace Ferret.Content.Detections;

internal static partial class DetectionReader
{
    private sealed record RiskBlock(
        IReadOnlyList<RiskObject> RiskObjects,
        IReadOnlyList<ThreatObject> ThreatObjects,
        string Message,
        int Score,
        int? Impact,
        int? Confidence);

    private static readonly HashSet<string> UserObservableTypes = new(StringComparer.OrdinalIgnoreCase)
        { "user", "user name", "username", "email address", "email" };

    private static readonly HashSet<string> SystemObservableTypes = new(StringComparer.OrdinalIgnoreCase)
        { "device", "endpoint", "hostname", "ip address", "ip", "system" };

    private static readonly Dictionary<string, string> ThreatObservableTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["process"] = "process",
        ["process name"] = "process_name",
        ["parent process"] = "parent_process",
        ["parent process name"] = "parent_process_name",
        ["file"] = "file_name",
        ["file name"] = "file_name",
        ["file path"] = "file_path",
        ["file hash"] = "file_hash",
        ["url"] = "url",
        ["url string"] = "url",
        ["ip address"] = "ip_address",
        ["domain"] = "domain",
        ["registry path"] = "registry_path",
        ["registry value name"] = "registry_value_name",
        ["command"] = "command",
        ["email address"] = "email_address",
    };

    /// <summary>
    /// v4: the score is impact × confidence / 100 (GUIDE §2), rounded half to even as contentctl's Python
    /// <c>round()</c> does (impact 25, confidence 50 → 12). Observables
    /// whose role is Victim become risk objects of type user, system or other, each with that score; those
    /// whose role is Attacker become threat objects where their type names one, else risk objects too, as
    /// contentctl 4 did when it built <c>action.risk.param._risk</c>.
    /// </summary>
    private static RiskBlock ReadRiskV4(YamlMappingNode tags)
    {
        var impact = tags.GetInt("impact");
        var confidence = tags.GetInt("confidence");
        var score = impact is { } i && confidence is { } c
            ? (int)Math.Round(i * c / 100.0, MidpointRounding.ToEven)
            : tags.GetInt("risk_score") ?? 0;
        var riskObjects = new List<RiskObject>();
        var threatObjects = new List<ThreatObject>();
        foreach (var observable in tags.GetMappings("observable"))
        {
            var field = observable.GetString("name");
            if (string.IsNullOrWhiteSpace(field))
            {
                continue;
            }

            var type = observable.GetString("type") ?? string.Empty;
            var roles = observable.GetStrings("role");
            var isAttacker = roles.Any(r => r.Equals("Attacker", StringComparison.OrdinalIgnoreCase));
            var isVictim = roles.Any(r => r.Equals("Victim", StringComparison.OrdinalIgnoreCase));
            if (isAttacker && !isVictim && ThreatObservableTypes.TryGetValue(type, out var threatType))
            {
                threatObjects.Add(new ThreatObject(field, threatType));
            }
            else
            {
                riskObjects.Add(new RiskObject(field, RiskObjectType(type), score, isVictim ? "victim" : "attacker"));
            }
        }

        return new RiskBlock(riskObjects, threatObjects, tags.GetString("message")?.Trim() ?? string.Empty, score, impact, confidence);
    }

    private static string RiskObjectType(string observableType) =>
        UserObservableTypes.Contains(observableType) ? "user"
        : SystemObservableTypes.Contains(observableType) ? "system"
        : "other";

    /// <summary>v5 and 2026: <c>rba: {message, risk_objects: [{field, type, score}], threat_objects: [{field, type}]}</c>;
    /// the detection's score is the highest risk object score.</summary>
    private static RiskBlock ReadRiskV5(YamlMappingNode? rba, YamlMappingNode tags)
    {
        if (rba is null)
        {
            return new RiskBlock([], [], tags.GetString("message")?.Trim() ?? string.Empty, 0, null, null);
        }

        var riskObjects = rba.GetMappings("risk_objects")
            .Where(o => !string.IsNullOrWhiteSpace(o.GetString("field")))
            .Select(o => new RiskObject(o.GetString("field")!, o.GetString("type") ?? "other", o.GetInt("score") ?? 0))
            .ToList();
        var threatObjects = rba.GetMappings("threat_objects")
            .Where(o => !string.IsNullOrWhiteSpace(o.GetString("field")))
            .Select(o => new ThreatObject(o.GetString("field")!, o.GetString("type") ?? "other"))
            .ToList();
        var score = riskObjects.Count > 0 ? riskObjects.Max(o => o.Score) : 0;
        return new RiskBlock(riskObjects, threatObjects, rba.GetString("message")?.Trim() ?? string.Empty, score, null, null);
    }
}
