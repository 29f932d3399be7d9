using System.Collections.Concurrent;
using Ferret.Engine.Execution;
using Ferret.Engine.Planning;
using Ferret.Events;
using Ferret.Spl;

namespace Ferret.Engine.Operators;

/// <summary>
/// <c>foreach fields [template]</c> (Search Reference, "foreach command"): for each field of the result that matches a
/// listed name or wildcard, the template is run with <c>&lt;&lt;FIELD&gt;&gt;</c> replaced by the field name and
/// <c>&lt;&lt;MATCHSTR&gt;&gt;</c> (and <c>&lt;&lt;MATCHSEG1&gt;&gt;</c>, ...) by the parts the wildcards matched. Each
/// distinct field name's template is compiled once per run and kept in the run's state, not in the plan, so a template
/// that cannot run is reported by every run. The template must hold streaming commands (eval...).
/// </summary>
public sealed class ForeachOperator(IReadOnlyList<FieldNamePattern> fields, string bodyText) : StreamingOperator("foreach")
{
    public override bool Process(Event e, RunContext run)
    {
        var compiled = run.GetOrAdd(this, () => new ConcurrentDictionary<string, StreamingOperator[]?>(StringComparer.Ordinal));
        var names = new List<(string Name, string[] Captures)>();
        foreach (var pattern in fields)
        {
            foreach (var name in e.Fields.Keys)
            {
                if ((pattern.HasWildcard && name.StartsWith('_')) || names.Any(n => n.Name == name))
                {
                    continue;
                }

                if (pattern.Captures(name) is { } captures)
                {
                    names.Add((name, captures));
                }
            }
        }

        foreach (var (name, captures) in names)
        {
            var operators = compiled.GetOrAdd(name + "\u001f" + string.Join('\u001f', captures), _ => Compile(name, captures, run));
            if (operators is null)
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

    private StreamingOperator[]? Compile(string name, string[] captures, RunContext run)
    {
        var text = bodyText.Replace("<<FIELD>>", name, StringComparison.Ordinal)
            .Replace("<<MATCHSTR>>", string.Join(string.Empty, captures), StringComparison.Ordinal);
        for (var i = 0; i < captures.Length; i++)
        {
            text = text.Replace($"<<MATCHSEG{i + 1}>>", captures[i], StringComparison.Ordinal);
        }

        var parsed = SplParser.Parse(text);
        var bind = new BindContext();
        bind.ReportAll(parsed.Diagnostics);
        var pipeline = new Planner(bind).PlanBody(parsed.Pipeline);
        var operators = pipeline.Operators.Where(o => o is not CopyEventsOperator).ToList();
        if (bind.HasErrors || operators.Any(o => o is not StreamingOperator))
        {
            run.Report($"foreach template for field '{name}' cannot run: "
                + (bind.HasErrors ? string.Join("; ", bind.Diagnostics.Where(d => d.IsError).Select(d => d.Message)) : "only streaming commands such as eval are allowed"),
                ProblemSeverity.Error);
            return null;
        }

        return operators.Cast<StreamingOperator>().ToArray();
    }
}
