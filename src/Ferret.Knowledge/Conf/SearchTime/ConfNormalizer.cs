using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Ferret.Engine.Functions;
using Ferret.Events;
using Ferret.Knowledge.Normalization;

namespace Ferret.Knowledge.Conf.SearchTime;

/// <summary>
/// Runs the search-time operations of the loaded apps on an event, in Splunk's order (props.conf spec, "search-time
/// operations sequence"): EXTRACT, REPORT, KV_MODE, FIELDALIAS, EVAL (side by side: one never sees another's result),
/// LOOKUP, then event types and tags. Extractions never replace a field the event has (the reader's fields, an earlier
/// extraction's). Event types are tested only on events some props.conf stanza names, so content for other sources
/// costs Windows events nothing (docs/knowledge.md).
/// </summary>
internal sealed partial class ConfNormalizer(PropsResolver props, SearchTimePlanCompiler compiler, ConfEventTypes eventTypes)
{
    /// <summary>Each (source, sourcetype, host)'s plan, compiled once even when several threads normalize events of it at
    /// once: compiling reports the settings it cannot use, and a setting is reported once.</summary>
    private readonly ConcurrentDictionary<(string?, string?, string?), Lazy<SearchTimePlan>> _plans = new();

    public void Apply(Event e)
    {
        var plan = PlanFor(e);
        if (plan.IsEmpty)
        {
            // Text no stanza names still gets KV_MODE's default, auto.
            if (HasOnlyDefaultFields(e))
            {
                ExtractKeyValues(e, KeyValueMode.Auto);
            }

            return;
        }

        foreach (var extraction in plan.Extractions)
        {
            if (e[extraction.SourceField].Text is { } text)
            {
                Guarded(() => AddGroups(e, extraction.Pattern, text));
            }
        }

        foreach (var report in plan.Reports)
        {
            if (e[report.SourceKey].Text is { } text)
            {
                Guarded(() => AddAll(e, report.Extract(text), report.MultivalueAdd));
            }
        }

        ExtractKeyValues(e, plan.KeyValueMode ?? (HasOnlyDefaultFields(e) ? KeyValueMode.Auto : KeyValueMode.None));
        foreach (var alias in plan.Aliases)
        {
            var value = e[alias.Original];
            if (!value.IsNull && !(alias.OnlyWhenNew && e.Has(alias.Alias)))
            {
                e.Set(alias.Alias, value);
            }
        }

        Normalizer.CalculateSideBySide(e, plan.CalculatedFields);

        foreach (var lookup in plan.Lookups)
        {
            lookup.Apply(e);
        }

        eventTypes.Classify(e);
    }

    private SearchTimePlan PlanFor(Event e) =>
        _plans.GetOrAdd((e.Source, e.SourceType, e.Host), static (key, self) => new Lazy<SearchTimePlan>(() => self.Compile(key)), this).Value;

    private SearchTimePlan Compile((string? Source, string? SourceType, string? Host) key) =>
        compiler.Compile(props.Settings(key.Source, key.SourceType, key.Host));

    /// <summary>An event read as text has only Splunk's default fields; KV_MODE's default, auto, applies to it. A
    /// structured reader (Windows XML, JSON) has extracted its fields already, as an indexed extraction would.</summary>
    private static bool HasOnlyDefaultFields(Event e)
    {
        foreach (var (name, _) in e.Fields)
        {
            if (!name.StartsWith('_') && name is not (FieldNames.Host or FieldNames.Source or FieldNames.SourceType or FieldNames.Index))
            {
                return false;
            }
        }

        return true;
    }

    private static void ExtractKeyValues(Event e, KeyValueMode mode)
    {
        if (mode == KeyValueMode.None || e.Raw is not { } raw)
        {
            return;
        }

        if (mode == KeyValueMode.Auto)
        {
            var pairs = new List<(string, string)>();
            foreach (Match match in KeyValue().Matches(raw))
            {
                var value = match.Groups["value"].Value;
                pairs.Add((match.Groups["key"].Value, value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? value[1..^1] : value));
            }

            AddAll(e, pairs, multivalue: false);
            return;
        }

        var trimmed = raw.AsSpan().TrimStart();
        if ((mode == KeyValueMode.Json && trimmed.StartsWith("{")) || (mode == KeyValueMode.Xml && trimmed.StartsWith("<")))
        {
            foreach (var (path, values) in Spath.ExtractAll(raw))
            {
                if (!e.Has(path))
                {
                    e.Set(path, FieldValue.Multi(values));
                }
            }
        }
    }

    private static void AddGroups(Event e, Regex pattern, string text)
    {
        var match = pattern.Match(text);
        if (!match.Success)
        {
            return;
        }

        foreach (var name in pattern.GetGroupNames())
        {
            if (!int.TryParse(name, out _) && match.Groups[name].Success && !e.Has(name))
            {
                e.Set(name, match.Groups[name].Value);
            }
        }
    }

    /// <summary>Adds extracted pairs; a name met twice in one extraction becomes multivalue only with MV_ADD.</summary>
    private static void AddAll(Event e, IEnumerable<(string Name, string Value)> pairs, bool multivalue)
    {
        var added = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (name, value) in pairs)
        {
            if (e.Has(name) && !added.ContainsKey(name))
            {
                continue;
            }

            if (!added.TryGetValue(name, out var values))
            {
                added[name] = values = [];
            }

            if (values.Count == 0 || multivalue)
            {
                values.Add(value);
            }
        }

        foreach (var (name, values) in added)
        {
            if (values.Any(v => v.Length > 0))
            {
                e.Set(name, FieldValue.Multi(values));
            }
        }
    }

    /// <summary>A regular expression that exceeds its time limit on a hostile value leaves that extraction's fields absent.</summary>
    private static void Guarded(Action extract)
    {
        try
        {
            extract();
        }
        catch (RegexMatchTimeoutException)
        {
        }
    }

    [GeneratedRegex(@"(?<![\w.:-])(?<key>[A-Za-z_][\w.:-]*)=(?<value>""[^""]*""|[^\s,;]*)")]
    private static partial Regex KeyValue();
}
