using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Ferret.Events;
using Ferret.Knowledge.Compilation;
using Ferret.Knowledge.Loading;
using Ferret.Knowledge.Normalization;

namespace Ferret.Knowledge.Conf.SearchTime;

/// <summary>
/// eventtypes.conf and tags.conf: each event type is a search over an event's fields (compiled once by the engine);
/// an event gets the names of those it matches in <c>eventtype</c>, and their tags (tags.conf
/// <c>[eventtype=&lt;name&gt;]</c>, <c>&lt;tag&gt; = enabled</c>) in <c>tag</c> and <c>tag::eventtype</c>; a
/// <c>[&lt;field&gt;=&lt;value&gt;]</c> stanza tags events with that value in <c>tag</c> and <c>tag::&lt;field&gt;</c>
/// (Knowledge Manager Manual, "About event types" and "About tags and aliases"). Values add to what the event has.
/// </summary>
internal sealed partial class ConfEventTypes
{
    private readonly List<(string Name, Func<Event, bool> Matches, IReadOnlyList<string> Tags, Regex? SourceTypes)> _eventTypes = [];
    private readonly ConcurrentDictionary<string, int[]> _candidates = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<(string Field, string Value, IReadOnlyList<string> Tags)> _fieldTags = [];

    public ConfEventTypes(ConfLayers layers, IKnowledgeCompiler compiler, ICollection<KnowledgeProblem> problems)
    {
        var tagsByStanza = layers.Stanzas("tags").ToDictionary(
            s => s.Key,
            s => (IReadOnlyList<string>)[.. s.Value.Settings.Where(t => t.Value.Trim().Equals("enabled", StringComparison.OrdinalIgnoreCase)).Select(t => t.Key)],
            StringComparer.Ordinal);
        foreach (var (name, stanza) in layers.Stanzas("eventtypes").OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            if (name == ConfFile.DefaultStanza || stanza["disabled"] is "1" or "true" || stanza.Setting("search") is not { } search)
            {
                continue;
            }

            if (compiler.CompileSearch(search.Value, out var errors) is { } matches)
            {
                _eventTypes.Add((name, matches, tagsByStanza.GetValueOrDefault("eventtype=" + name, []), RequiredSourceTypes(search.Value)));
            }
            else
            {
                problems.Add(new KnowledgeProblem(search.File, search.Line, 1, $"event type '{name}': search does not compile: {string.Join("; ", errors)}"));
            }
        }

        foreach (var (name, tags) in tagsByStanza)
        {
            var equals = name.IndexOf('=');
            if (equals > 0 && !name.StartsWith("eventtype=", StringComparison.Ordinal) && tags.Count > 0)
            {
                _fieldTags.Add((name[..equals], Unquote(name[(equals + 1)..]), tags));
            }
        }
    }

    public bool IsEmpty => _eventTypes.Count == 0 && _fieldTags.Count == 0;

    public void Classify(Event e)
    {
        List<string>? names = null;
        List<string>? eventTypeTags = null;
        foreach (var index in CandidatesFor(e.SourceType ?? string.Empty))
        {
            var (name, matches, typeTags, _) = _eventTypes[index];
            if (matches(e))
            {
                (names ??= []).Add(name);
                (eventTypeTags ??= []).AddRange(typeTags);
            }
        }

        List<string>? tags = eventTypeTags is null ? null : [.. eventTypeTags];
        foreach (var (field, value, fieldTags) in _fieldTags)
        {
            if (HasValue(e[field], value))
            {
                (tags ??= []).AddRange(fieldTags);
                Add(e, "tag::" + field, fieldTags);
            }
        }

        Add(e, Normalizer.EventTypeField, names);
        Add(e, Normalizer.TagField, tags);
        Add(e, Normalizer.EventTypeTagField, eventTypeTags);
    }

    private static bool HasValue(FieldValue field, string value)
    {
        foreach (var candidate in field.Values)
        {
            if (string.Equals(candidate.ToString(), value, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Adds values to a field, each once, after those it has. Adding nothing to a field whose values are already
    /// distinct strings leaves it as it is (most events match none of the apps' event types), without building it again.</summary>
    private static void Add(Event e, string field, IReadOnlyList<string>? values)
    {
        var existing = e[field];
        if ((values is null || values.Count == 0) && IsDistinctText(existing))
        {
            return;
        }

        var all = new List<string>(existing.Count + (values?.Count ?? 0));
        foreach (var value in existing.Values)
        {
            AddOnce(all, value.ToString());
        }

        for (var i = 0; i < (values?.Count ?? 0); i++)
        {
            AddOnce(all, values![i]);
        }

        if (all.Count > 0)
        {
            e.Set(field, FieldValue.Multi(all));
        }
    }

    private static void AddOnce(List<string> values, string value)
    {
        foreach (var known in values)
        {
            if (string.Equals(known, value, StringComparison.Ordinal))
            {
                return;
            }
        }

        values.Add(value);
    }

    private static bool IsDistinctText(FieldValue field)
    {
        var values = field.Values;
        for (var i = 0; i < values.Count; i++)
        {
            if (!values[i].IsString)
            {
                return false;
            }

            for (var j = 0; j < i; j++)
            {
                if (string.Equals(values[i].ToString(), values[j].ToString(), StringComparison.Ordinal))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>The event types that can match events of this sourcetype: those whose search does not require another.</summary>
    private int[] CandidatesFor(string sourceType) =>
        _candidates.GetOrAdd(sourceType, static (st, all) => [.. Enumerable.Range(0, all.Count).Where(i => all[i].SourceTypes?.IsMatch(st) ?? true)], _eventTypes);

    /// <summary>
    /// The sourcetypes a search requires when it starts with <c>sourcetype=a [OR sourcetype=b ...]</c> followed by the
    /// end or an AND-ed term: in a search OR binds tighter than the implied AND (Search Reference, "Boolean
    /// expressions"), so the event must have one of them. Null when the search does not say (it is always tested).
    /// </summary>
    internal static Regex? RequiredSourceTypes(string search)
    {
        var group = LeadingSourceTypes().Match(search);
        if (!group.Success)
        {
            return null;
        }

        var patterns = group.Groups["value"].Captures.Select(c => "^" + Regex.Escape(c.Value.Trim('"')).Replace(@"\*", ".*", StringComparison.Ordinal) + "$");
        return new Regex(string.Join('|', patterns), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }

    [GeneratedRegex(@"^\s*sourcetype\s*=\s*(?<value>""[^""]+""|[^\s""()]+)(?:\s+OR\s+sourcetype\s*=\s*(?<value>""[^""]+""|[^\s""()]+))*(?=\s*$|\s+(?!OR\b)\S)")]
    private static partial Regex LeadingSourceTypes();

    private static string Unquote(string text) => text.Length >= 2 && text[0] == '"' && text[^1] == '"' ? text[1..^1] : text;
}
