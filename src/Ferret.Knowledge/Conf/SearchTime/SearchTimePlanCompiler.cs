using System.Text.RegularExpressions;
using Ferret.Engine.Lookups;
using Ferret.Engine.Text;
using Ferret.Events;
using Ferret.Knowledge.Compilation;
using Ferret.Knowledge.Definitions;
using Ferret.Knowledge.Loading;
using Ferret.Knowledge.Normalization;

namespace Ferret.Knowledge.Conf.SearchTime;

/// <summary>
/// Compiles the merged props.conf settings of an event's (source, sourcetype, host) into a <see cref="SearchTimePlan"/>:
/// each class in ASCII order of its name within its kind (props.conf spec: "field extractions ... are applied in
/// ASCII order"), transforms and lookups resolved in transforms.conf. A setting that cannot be compiled is reported
/// once with its file:line and left out; the rest of the plan stands.
/// </summary>
internal sealed partial class SearchTimePlanCompiler(
    ConfLayers layers,
    IReadOnlyDictionary<string, ConfTransform> transforms,
    IKnowledgeCompiler compiler,
    Action<KnowledgeProblem> report)
{
    private readonly Dictionary<string, LookupTable?> _tables = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public SearchTimePlan Compile(IReadOnlyDictionary<string, ConfSetting> settings)
    {
        if (settings.Count == 0)
        {
            return SearchTimePlan.Empty;
        }

        var classes = settings.Values.OrderBy(s => s.Key, StringComparer.Ordinal).ToList();
        var extractions = new List<InlineExtraction>();
        var reports = new List<ConfTransform>();
        var aliases = new List<FieldAlias>();
        var calculated = new List<CompiledCalculatedField>();
        var lookups = new List<LookupStep>();
        foreach (var setting in classes)
        {
            var key = setting.Key;
            if (key.StartsWith("EXTRACT-", StringComparison.Ordinal))
            {
                AddExtraction(setting, extractions);
            }
            else if (key.StartsWith("REPORT-", StringComparison.Ordinal))
            {
                foreach (var name in ConfTransform.QuotedList(setting.Value))
                {
                    if (transforms.TryGetValue(name, out var transform))
                    {
                        reports.Add(transform);
                    }
                    else
                    {
                        report(Problem(setting, $"{key}: no usable transform '{name}' in transforms.conf"));
                    }
                }
            }
            else if (key.StartsWith("FIELDALIAS-", StringComparison.Ordinal))
            {
                AddAliases(setting, aliases);
            }
            else if (key.StartsWith("EVAL-", StringComparison.Ordinal))
            {
                if (compiler.CompileEval(setting.Value, out var errors) is { } evaluate)
                {
                    calculated.Add(new CompiledCalculatedField(key["EVAL-".Length..], evaluate));
                }
                else
                {
                    report(Problem(setting, $"{key} does not compile: {string.Join("; ", errors)}"));
                }
            }
            else if (key.StartsWith("LOOKUP-", StringComparison.Ordinal))
            {
                if (ReadLookup(setting) is { } lookup)
                {
                    lookups.Add(lookup);
                }
            }
        }

        return new SearchTimePlan(extractions, reports, ReadMode(settings), aliases, calculated, lookups);
    }

    private KeyValueMode? ReadMode(IReadOnlyDictionary<string, ConfSetting> settings)
    {
        if (!settings.TryGetValue("KV_MODE", out var setting))
        {
            return null;
        }

        switch (setting.Value.Trim().ToLowerInvariant())
        {
            case "auto" or "auto_escaped" or "multi" or "multi:auto":
                return KeyValueMode.Auto;
            case "json":
                return KeyValueMode.Json;
            case "xml":
                return KeyValueMode.Xml;
            case "none":
                return KeyValueMode.None;
            default:
                report(Problem(setting, $"KV_MODE '{setting.Value}' is not none, auto, auto_escaped, multi, json or xml; none is used"));
                return KeyValueMode.None;
        }
    }

    private void AddExtraction(ConfSetting setting, List<InlineExtraction> extractions)
    {
        var text = setting.Value;
        var field = FieldNames.Raw;
        if (InField().Match(text) is { Success: true } inField)
        {
            text = inField.Groups[1].Value;
            field = inField.Groups[2].Value;
        }

        if (RegexCache.TryGet(text, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1), out var regex, out var error))
        {
            extractions.Add(new InlineExtraction(setting.Key, regex, field));
        }
        else
        {
            report(Problem(setting, $"{setting.Key}: regular expression does not compile: {error}"));
        }
    }

    /// <summary><c>FIELDALIAS-x = a AS b "c d" ASNEW e</c>: any number of pairs (props.conf spec, "FIELDALIAS").</summary>
    private void AddAliases(ConfSetting setting, List<FieldAlias> aliases)
    {
        var words = Words().Matches(setting.Value).Select(m => m.Value).ToList();
        for (var i = 0; i + 2 < words.Count; i += 3)
        {
            if (FieldAlias.TryParse($"{words[i]} {words[i + 1]} {words[i + 2]}") is { } alias)
            {
                aliases.Add(alias);
            }
            else
            {
                report(Problem(setting, $"{setting.Key}: '{words[i]} {words[i + 1]} {words[i + 2]}' is not 'field AS alias' or 'field ASNEW alias'"));
                return;
            }
        }

        if (words.Count % 3 != 0)
        {
            report(Problem(setting, $"{setting.Key}: '{setting.Value}' does not split into 'field AS alias' pairs; the last words are ignored"));
        }
    }

    private LookupStep? ReadLookup(ConfSetting setting)
    {
        var words = Words().Matches(setting.Value.Replace(",", " ", StringComparison.Ordinal)).Select(m => m.Value.Trim('"')).ToList();
        if (words.Count < 2)
        {
            report(Problem(setting, $"{setting.Key}: expected '<lookup> <field> [AS <field>] ... [OUTPUT <field> ...]'"));
            return null;
        }

        var table = Table(words[0], setting);
        if (table is null)
        {
            return null;
        }

        var outputAt = words.FindIndex(w => w.Equals("OUTPUT", StringComparison.OrdinalIgnoreCase) || w.Equals("OUTPUTNEW", StringComparison.OrdinalIgnoreCase));
        var inputs = Pairs(words[1..(outputAt < 0 ? words.Count : outputAt)]);
        var outputs = outputAt < 0
            ? [.. table.Columns.Where(c => !inputs.Any(i => i.Column == c)).Select(c => (c, c))]
            : Pairs(words[(outputAt + 1)..]);
        var onlyNew = outputAt >= 0 && words[outputAt].Equals("OUTPUTNEW", StringComparison.OrdinalIgnoreCase);
        return new LookupStep(table, inputs, outputs, onlyNew);
    }

    private static List<(string Column, string Field)> Pairs(List<string> words)
    {
        var pairs = new List<(string, string)>();
        for (var i = 0; i < words.Count; i++)
        {
            if (i + 2 < words.Count && words[i + 1].Equals("AS", StringComparison.OrdinalIgnoreCase))
            {
                pairs.Add((words[i], words[i + 2]));
                i += 2;
            }
            else
            {
                pairs.Add((words[i], words[i]));
            }
        }

        return pairs;
    }

    /// <summary>The lookup table a transforms.conf stanza names (<c>filename</c> in an app's <c>lookups/</c>), read once.</summary>
    private LookupTable? Table(string name, ConfSetting setting)
    {
        lock (_gate)
        {
            if (_tables.TryGetValue(name, out var known))
            {
                return known;
            }

            LookupTable? table = null;
            if (layers.Stanza("transforms", name) is not { } stanza || stanza["filename"] is not { } fileName)
            {
                report(Problem(setting, $"{setting.Key}: no file-based lookup '{name}' in transforms.conf (KV store and external lookups are not supported)"));
            }
            else if (layers.LookupFile(fileName) is not { } open)
            {
                report(Problem(setting, $"{setting.Key}: lookup file '{fileName}' is in no app's lookups folder"));
            }
            else
            {
                var options = LookupOptions.Default.WithMatchType(stanza["match_type"]) with
                {
                    CaseSensitive = !string.Equals(stanza["case_sensitive_match"], "false", StringComparison.OrdinalIgnoreCase),
                    MaxMatches = int.TryParse(stanza["max_matches"], out var max) ? max : 1000,
                    DefaultMatch = stanza["default_match"],
                };
                using var reader = open();
                table = LookupTable.ReadCsv(reader, options, fileName);
            }

            _tables[name] = table;
            return table;
        }
    }

    private static KnowledgeProblem Problem(ConfSetting setting, string message) => new(setting.File, setting.Line, 1, message);

    [GeneratedRegex(@"^(.*\S)\s+in\s+([\w.:{}@-]+)\s*$", RegexOptions.Singleline)]
    private static partial Regex InField();

    [GeneratedRegex(@"""[^""]*""|\S+")]
    private static partial Regex Words();
}
