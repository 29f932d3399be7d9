using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Ferret.Engine.Execution;
using Ferret.Engine.Functions;
using Ferret.Engine.Planning;
using Ferret.Events;
using Ferret.Spl;
using Ferret.Spl.Diagnostics;

namespace Ferret.Engine.Operators;

/// <summary>
/// <c>foreach [mode=] fields [template]</c> (Search Reference, "foreach command"). In multifield mode the template runs
/// for each field of the result matching a listed wildcard, and for each listed name without a wildcard whether or not
/// the result has it (so <c>foreach a b [eval &lt;&lt;FIELD&gt;&gt;=coalesce(&lt;&lt;FIELD&gt;&gt;, 0)]</c> fills
/// fields that are missing), with the field name and the wildcard parts written into the template. In multivalue mode
/// it runs once per value of the one listed field, in json_array mode once per element of the JSON array the field
/// holds (an element is written as JSON, so a string element becomes a quoted string), in auto_collections mode as one of
/// those two by what the field holds, or once for a single value that is no JSON array. Each distinct template text is
/// compiled once per run and kept in the run's state, not in the plan; a template that cannot run is reported
/// (SPL3020). The template must hold streaming commands (eval...).
/// </summary>
public sealed class ForeachOperator(ForeachMode mode, IReadOnlyList<FieldNamePattern> fields, string bodyText, ForeachPlaceholders placeholders)
    : StreamingOperator("foreach")
{
    /// <summary>How many distinct template texts a run keeps compiled; past it a template is compiled each time it runs.</summary>
    private const int CompiledTemplatesKept = 1024;

    public override bool Process(Event e, RunContext run)
    {
        foreach (var (label, text) in Templates(e))
        {
            if (Compiled(label, text, run) is not { } operators)
            {
                continue;
            }

            foreach (var op in operators)
            {
                if (!op.Process(e, run))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>The templates to run over <paramref name="e"/>, each with what it was made for (to name it in a report).</summary>
    private IEnumerable<(string Label, string Text)> Templates(Event e) => mode switch
    {
        ForeachMode.Multivalue => e[fields[0].Pattern].Texts.ToList().Select(v => (fields[0].Pattern, placeholders.ForItem(bodyText, v))),
        ForeachMode.JsonArray => JsonElements(e[fields[0].Pattern].Text).Select(item => (fields[0].Pattern, placeholders.ForItem(bodyText, item))),
        ForeachMode.AutoCollections => CollectionItems(e[fields[0].Pattern]).Select(item => (fields[0].Pattern, placeholders.ForItem(bodyText, item))),
        _ => MatchingFields(e).Select(f => (f.Name, placeholders.ForField(bodyText, f.Name, f.Captures))),
    };

    private List<(string Name, string[] Captures)> MatchingFields(Event e)
    {
        var names = new List<(string Name, string[] Captures)>();
        foreach (var pattern in fields)
        {
            if (!pattern.HasWildcard)
            {
                if (names.All(n => n.Name != pattern.Pattern))
                {
                    names.Add((pattern.Pattern, []));
                }

                continue;
            }

            foreach (var name in e.Fields.Keys.ToList())
            {
                if (!name.StartsWith('_') && names.All(n => n.Name != name) && pattern.Captures(name) is { } captures)
                {
                    names.Add((name, captures));
                }
            }
        }

        return names;
    }

    /// <summary>mode=auto_collections: the values of a multivalue field, else the elements of a JSON array, else the one value.</summary>
    private static List<string> CollectionItems(FieldValue value)
    {
        if (value.IsNull)
        {
            return [];
        }

        var texts = value.Texts.ToList();
        if (texts.Count > 1)
        {
            return texts;
        }

        return FunctionLibrary.ParseJson(texts[0]) is JsonArray ? JsonElements(texts[0]) : texts;
    }

    /// <summary>The elements of a JSON array as JSON text; nothing when the field holds no JSON array.</summary>
    private static List<string> JsonElements(string? text)
    {
        if (text is null || FunctionLibrary.ParseJson(text) is not JsonArray array)
        {
            return [];
        }

        return array.Select(item => item?.ToJsonString() ?? "null").ToList();
    }

    private StreamingOperator[]? Compiled(string label, string text, RunContext run)
    {
        var compiled = run.GetOrAdd(this, () => new ConcurrentDictionary<string, StreamingOperator[]?>(StringComparer.Ordinal));
        if (compiled.TryGetValue(text, out var operators))
        {
            return operators;
        }

        operators = Compile(label, text, run);
        if (compiled.Count < CompiledTemplatesKept)
        {
            compiled.TryAdd(text, operators);
        }

        return operators;
    }

    private static StreamingOperator[]? Compile(string label, string text, RunContext run)
    {
        var parsed = SplParser.Parse(text);
        var bind = new BindContext();
        bind.ReportAll(parsed.Diagnostics);
        var pipeline = new Planner(bind).PlanBody(parsed.Pipeline);
        var operators = pipeline.Operators.Where(o => o is not CopyEventsOperator).ToList();
        if (bind.HasErrors || operators.Any(o => o is not StreamingOperator))
        {
            var reason = bind.HasErrors
                ? string.Join("; ", bind.Diagnostics.Where(d => d.IsError).Select(d => $"{d.Code} {d.Message}"))
                : "only streaming commands such as eval are allowed";
            run.Report(DiagnosticFacts.ForeachTemplateInvalid(label, reason));
            return null;
        }

        return operators.Cast<StreamingOperator>().ToArray();
    }
}
