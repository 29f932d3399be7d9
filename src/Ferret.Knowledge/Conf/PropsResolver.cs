using System.Collections.Concurrent;

namespace Ferret.Knowledge.Conf;

/// <summary>
/// The props.conf settings that apply to events of one (source, sourcetype, host), merged as Splunk merges them
/// (props.conf spec, "[&lt;spec&gt;] stanza patterns" and "priority"): a <c>source::</c> stanza over a
/// <c>host::</c> one over a sourcetype one over <c>[default]</c>; within a kind a literal over a pattern, then the
/// higher <c>priority =</c>, then the name in ASCII order. Memoised per triple.
/// </summary>
public sealed class PropsResolver
{
    private readonly List<(PropsStanzaPattern Pattern, ConfStanza Stanza, int Priority)> _stanzas = [];
    private readonly ConcurrentDictionary<(string?, string?, string?), IReadOnlyDictionary<string, ConfSetting>> _cache = new();

    public PropsResolver(ConfLayers layers)
    {
        foreach (var (name, stanza) in layers.Stanzas("props"))
        {
            if (PropsStanzaPattern.Parse(name) is { } pattern)
            {
                var priority = int.TryParse(stanza["priority"], out var p) ? p : 0;
                _stanzas.Add((pattern, stanza, priority));
            }
        }

        _stanzas.Sort((a, b) =>
        {
            var order = a.Pattern.Kind.CompareTo(b.Pattern.Kind);
            order = order != 0 ? order : a.Pattern.IsLiteral.CompareTo(b.Pattern.IsLiteral);
            order = order != 0 ? order : a.Priority.CompareTo(b.Priority);
            return order != 0 ? order : string.CompareOrdinal(b.Stanza.Name, a.Stanza.Name);
        });
    }

    /// <summary>The effective settings, the later (higher-ranked) stanza winning on the same key.</summary>
    public IReadOnlyDictionary<string, ConfSetting> Settings(string? source, string? sourceType, string? host) =>
        _cache.GetOrAdd((source, sourceType, host), key =>
        {
            var merged = new Dictionary<string, ConfSetting>(StringComparer.Ordinal);
            foreach (var (pattern, stanza, _) in _stanzas)
            {
                if (pattern.Kind != PropsStanzaKind.Default && pattern.Matches(key.Item1, key.Item2, key.Item3))
                {
                    foreach (var setting in stanza.Settings)
                    {
                        merged[setting.Key] = setting;
                    }
                }
            }

            // [default] only counts when some stanza names the event: Ferret's readers of structured formats have
            // extracted their fields already, and Splunk's shipped defaults would otherwise run on every Windows event.
            if (merged.Count > 0)
            {
                foreach (var (pattern, stanza, _) in _stanzas.Where(s => s.Pattern.Kind == PropsStanzaKind.Default))
                {
                    foreach (var setting in stanza.Settings)
                    {
                        merged.TryAdd(setting.Key, setting);
                    }
                }
            }

            return merged;
        });

    /// <summary>Whether any stanza of the given kind names this value (e.g. a sourcetype Ferret knows).</summary>
    public bool Names(PropsStanzaKind kind, string value) =>
        _stanzas.Any(s => s.Pattern.Kind == kind && s.Pattern.Matches(value, value, value));
}
