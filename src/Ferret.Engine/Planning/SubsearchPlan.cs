using Ferret.Engine.Execution;
using Ferret.Engine.Functions;
using Ferret.Engine.Limits;
using Ferret.Engine.Matching;
using Ferret.Events;
using Ferret.Spl;
using Ferret.Spl.Syntax;

namespace Ferret.Engine.Planning;

/// <summary>
/// A subsearch <c>[ ... ]</c>: runs once per run over the same events, before the outer search needs it; its rows
/// become search terms (Search Manual, "About subsearches"): each row is the AND of its fields' <c>field=value</c>, rows
/// are ORed, and a <c>search</c> or <c>query</c> field (as <c>return</c> and <c>format</c> produce) is read as search text.
/// At most <see cref="Limits.SearchLimits.SubsearchMaxOut"/> rows are used (Splunk's <c>maxout</c>, 10,000 by default).
/// </summary>
public sealed class SubsearchPlan(CompiledPipeline pipeline)
{
    public CompiledPipeline Pipeline { get; } = pipeline;

    public IReadOnlyList<Event> Results(RunContext run) =>
        run.GetOrAdd(this, () => RowBudget.Collect(Pipeline.Execute(run.Source, run), run, "subsearch", RowBudget.Subsearch.Of(run.Limits)));

    public Predicate Predicate(EvalRuntime runtime)
    {
        var run = runtime.Run ?? throw new InvalidOperationException("a subsearch needs a run context");
        return run.GetOrAdd((this, "predicate"), () => new PredicateBox(BuildPredicate(Results(run), run))).Value;
    }

    private static Predicate BuildPredicate(IReadOnlyList<Event> rows, RunContext run)
    {
        var alternatives = new List<Predicate>();
        foreach (var row in rows)
        {
            var terms = new List<Predicate>();
            foreach (var (name, value) in row.Fields)
            {
                if (name is "search" or "query")
                {
                    var parsed = SplParser.ParseSearchExpression(value.Text ?? string.Empty);
                    if (parsed.HasErrors || parsed.Expression is null)
                    {
                        run.Report($"subsearch produced search text that does not parse: {value.Text}");
                        continue;
                    }

                    var bind = new BindContext();
                    terms.Add(new SearchCompiler(bind).Compile(parsed.Expression));
                    continue;
                }

                if (name.StartsWith('_'))
                {
                    continue;
                }

                var patterns = value.Values.Select(v => new WildcardPattern(v.ToString())).ToArray();
                var field = name;
                terms.Add((e, _) =>
                {
                    var fieldValue = e[field];
                    foreach (var pattern in patterns)
                    {
                        if (SearchCompiler.AnyValueMatches(fieldValue, pattern, null))
                        {
                            return true;
                        }
                    }

                    return false;
                });
            }

            if (terms.Count > 0)
            {
                var all = terms.ToArray();
                alternatives.Add((e, rt) =>
                {
                    foreach (var term in all)
                    {
                        if (!term(e, rt))
                        {
                            return false;
                        }
                    }

                    return true;
                });
            }
        }

        var any = alternatives.ToArray();
        return (e, rt) => SearchCompiler.AnyHolds(any, e, rt);
    }

    private sealed class PredicateBox(Predicate value)
    {
        public Predicate Value { get; } = value;
    }
}
