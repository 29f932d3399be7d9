using System.Collections.Frozen;

namespace Ferret.Detection.Notables;

/// <summary>One ATT&amp;CK (Enterprise) technique or sub-technique: its name and the tactics it serves.</summary>
public sealed record AttackTechnique(string Id, string Name, IReadOnlyList<string> Tactics);

/// <summary>
/// The ATT&amp;CK Enterprise techniques the content maps to, as ES enriches <c>annotations.mitre_attack</c>
/// with <c>mitre_tactic</c> and <c>mitre_technique</c>. The data is an embedded file
/// (<c>Notables/attack-techniques.tsv</c>: id, name, tactics separated by commas); a sub-technique the
/// file lacks takes its parent's tactics, and an id it does not know at all gets no names (never a guess).
/// </summary>
public static class AttackCatalog
{
    private const string ResourceName = "Ferret.Detection.attack-techniques.tsv";

    private static readonly Lazy<FrozenDictionary<string, AttackTechnique>> Techniques = new(Load);

    public static int Count => Techniques.Value.Count;

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
            if (columns.Length == 3)
            {
                var tactics = columns[2].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                techniques[columns[0]] = new AttackTechnique(columns[0], columns[1], tactics);
            }
        }

        return techniques.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
