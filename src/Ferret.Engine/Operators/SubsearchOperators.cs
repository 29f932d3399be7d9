using Ferret.Engine.Execution;
using Ferret.Engine.Limits;
using Ferret.Engine.Planning;
using Ferret.Events;

namespace Ferret.Engine.Operators;

/// <summary>
/// <c>join [type=inner|outer|left] [max=N] [overwrite=] fields [subsearch]</c> (Search Reference, "join command"):
/// each result is combined with the subsearch rows that have the same values in the join fields (all common fields when
/// none are named); <c>max</c> (default 1, 0 = all) rows per result; outer/left keeps results without a match;
/// subsearch values overwrite unless <c>overwrite=false</c>. Values compare exactly (case-sensitive).
/// </summary>
public sealed class JoinOperator(SubsearchPlan subsearch, IReadOnlyList<string> fields, bool keepUnmatched, int max, bool overwrite)
    : BlockingOperator("join")
{
    public override bool MutatesEvents => true;

    public override IEnumerable<Event> Execute(IEnumerable<Event> input, RunContext run)
    {
        var right = RowBudget.Collect(subsearch.Pipeline.Execute(run.Source, run), run, "join subsearch", RowBudget.Subsearch.OfJoin(run.Limits));
        var joinFields = fields.Count > 0 ? fields : null;
        Dictionary<string, List<Event>>? index = null;
        foreach (var e in input)
        {
            var keyFields = joinFields ?? e.Fields.Keys.Where(k => right.Count > 0 && right[0].Has(k) && !k.StartsWith('_')).ToList();
            index ??= joinFields is null ? null : Index(right, joinFields);
            List<Event> matches;
            if (keyFields.Any(f => !e.Has(f)))
            {
                matches = [];
            }
            else if (index is not null)
            {
                matches = index.GetValueOrDefault(Key(e, keyFields)) ?? [];
            }
            else
            {
                var key = Key(e, keyFields);
                matches = right.Where(r => keyFields.All(r.Has) && Key(r, keyFields) == key).ToList();
            }

            if (matches.Count == 0)
            {
                if (keepUnmatched)
                {
                    yield return e;
                }

                continue;
            }

            foreach (var match in max > 0 ? matches.Take(max) : matches)
            {
                var combined = max == 1 ? e : e.Clone();
                foreach (var (name, value) in match.Fields)
                {
                    if (overwrite || !combined.Has(name))
                    {
                        combined.Set(name, value);
                    }
                }

                yield return combined;
            }
        }
    }

    private static Dictionary<string, List<Event>> Index(List<Event> rows, IReadOnlyList<string> fields)
    {
        var index = new Dictionary<string, List<Event>>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (fields.Any(f => !row.Has(f)))
            {
                continue;
            }

            var key = Key(row, fields);
            if (!index.TryGetValue(key, out var list))
            {
                list = [];
                index[key] = list;
            }

            list.Add(row);
        }

        return index;
    }

    private static string Key(Event e, IReadOnlyList<string> fields) =>
        string.Join('\u001f', fields.Select(f => string.Join('\u001e', e[f].Texts)));
}

/// <summary><c>append [subsearch]</c>: the subsearch's results after the current ones; <c>appendpipe [commands]</c>:
/// the commands run over the current results, their output appended; <c>appendcols</c>: fields added row by row.</summary>
public sealed class AppendOperator(string name, CompiledPipeline pipeline, bool overCurrentResults, bool asColumns) : BlockingOperator(name)
{
    public override bool MutatesEvents => asColumns;

    /// <summary>appendcols <c>override=true</c>: a field both results have takes the subsearch's value (Search Reference,
    /// "appendcols": with override=false, the default, the main search's value is kept).</summary>
    public bool OverrideValues { get; init; }

    public override IEnumerable<Event> Execute(IEnumerable<Event> input, RunContext run)
    {
        var current = RowBudget.Collect(input, run, Name);
        if (overCurrentResults)
        {
            var copies = current.Select(e => e.Clone()).ToList();
            return current.Concat(RowBudget.Collect(pipeline.Execute(copies, run), run, Name + " subsearch"));
        }

        var appended = RowBudget.Collect(pipeline.Execute(run.Source, run), run, Name + " subsearch", RowBudget.Subsearch.Of(run.Limits));
        if (!asColumns)
        {
            return current.Concat(appended);
        }

        for (var i = 0; i < current.Count && i < appended.Count; i++)
        {
            foreach (var (field, value) in appended[i].Fields)
            {
                if (OverrideValues || !current[i].Has(field))
                {
                    current[i].Set(field, value);
                }
            }
        }

        return current;
    }
}
