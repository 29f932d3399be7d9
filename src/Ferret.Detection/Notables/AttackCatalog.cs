using System.Collections.Frozen;

namespace Ferret.Detection.Notables;

/// <summary>One ATT&amp;CK (Enterprise) technique or sub-technique: its name and the tactics it serves.</summary>
public sealed record AttackTechnique(string Id, string Name, IReadOnlyList<string> Tactics);

/// <summary>
/// The whole ATT&amp;CK Enterprise catalog (techniques and sub-techniques, deprecated and revoked ones included since
/// older content names them), as ES enriches <c>annotations.mitre_attack</c> with <c>mitre_tactic</c> and
/// <c>mitre_technique</c>. The data is an embedded file generated from MITRE's data (<c>Attack/attack-techniques.tsv</c>
/// by <c>Attack/generate.py</c>, MITRE's licence beside it: id, name, tactics separated by commas, status); a
/// sub-technique the file lacks takes its parent's tactics, and an id it does not know at all gets no names (never a guess).
/// </summary>
public static class AttackCatalog
{
    private const string ResourceName = "Ferret.Detection.attack-techniques.tsv";

    private static readonly Lazy<FrozenDictionary<string, AttackTechnique>> Techniques = new(Load);

    /// <summary>ATT&amp;CK Enterprise's tactics in the order of the matrix's columns, for tables that list them.</summary>
    public static IReadOnlyList<string> TacticOrder { get; } =
    [
        "Reconnaissance", "Resource Development", "Initial Access", "Execution", "Persistence", "Privilege Escalation",
        "Defense Evasion", "Credential Access", "Discovery", "Lateral Movement", "Collection", "Command and Control",
        "Exfiltration", "Impact",
    ];

    /// <summary>Each tactic's ATT&amp;CK id (<c>TA0003</c> for Persistence), as ES writes <c>mitre_tactic_id</c> on risk events;
    /// from MITRE's data (<c>../shared/attack/enterprise-attack.jsonl</c>, kind tactic).</summary>
    private static readonly FrozenDictionary<string, string> TacticIds = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["Reconnaissance"] = "TA0043", ["Resource Development"] = "TA0042", ["Initial Access"] = "TA0001", ["Execution"] = "TA0002",
        ["Persistence"] = "TA0003", ["Privilege Escalation"] = "TA0004", ["Defense Evasion"] = "TA0005", ["Credential Access"] = "TA0006",
        ["Discovery"] = "TA0007", ["Lateral Movement"] = "TA0008", ["Collection"] = "TA0009", ["Command and Control"] = "TA0011",
        ["Exfiltration"] = "TA0010", ["Impact"] = "TA0040",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static int Count => Techniques.Value.Count;

    /// <summary>The id of the tactic named <paramref name="tactic"/>, or null for a name ATT&amp;CK Enterprise does not have.</summary>
    public static string? TacticId(string tactic) => TacticIds.GetValueOrDefault(tactic);

    public static AttackTechnique? Find(string id)
    {
        var key = id.Trim().ToUpperInvariant();
        if (Techniques.Value.TryGetValue(key, out var technique))
        {
            return technique;
        }

        var dot = key.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && Techniques.Value.TryGetValue(key[..dot], out var parent)
            ? parent with { Id = key }
            : null;
    }

    private static FrozenDictionary<string, AttackTechnique> Load()
    {
        using var stream = typeof(AttackCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} missing from Ferret.Detection");
        using var reader = new StreamReader(stream);
        var techniques = new Dictionary<string, AttackTechnique>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var columns = line.Split('\t');
            if (columns.Length >= 3)
            {
                var tactics = columns[2].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                techniques[columns[0]] = new AttackTechnique(columns[0], columns[1], tactics);
            }
        }

        return techniques.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
