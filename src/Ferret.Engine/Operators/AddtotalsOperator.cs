using Ferret.Engine.Execution;
using Ferret.Events;

namespace Ferret.Engine.Operators;

/// <summary>
/// <c>addtotals</c> (Search Reference, "addtotals command"): <c>row=true</c> (default) adds to each result the sum of
/// its numeric fields (or the listed ones) in <c>fieldname</c> (default <c>Total</c>); <c>col=true</c> appends a row
/// with each column's sum, labelled in <c>labelfield</c> with <c>label</c> (default <c>Total</c>).
/// </summary>
public sealed class AddtotalsOperator(
    bool row, bool col, string fieldName, string? labelField, string label, IReadOnlyList<FieldNamePattern> fields) : Operator("addtotals")
{
    public override OperatorKind Kind => col ? OperatorKind.Blocking : OperatorKind.Streaming;

    public override bool MutatesEvents => true;

    public override IEnumerable<Event> Execute(IEnumerable<Event> input, RunContext run)
    {
        var columnTotals = new Dictionary<string, double>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var e in input)
        {
            double total = 0;
            var any = false;
            foreach (var (name, value) in e.Fields.ToList())
            {
                if (name.StartsWith('_') || name == fieldName || (fields.Count > 0 && !fields.Any(f => f.IsMatch(name))))
                {
                    continue;
                }

                if (value.First.TryGetNumber(out var n) && !value.IsMultivalue)
                {
                    total += n;
                    any = true;
                    if (col)
                    {
                        if (!columnTotals.ContainsKey(name))
                        {
                            order.Add(name);
                        }

                        columnTotals[name] = columnTotals.GetValueOrDefault(name) + n;
                    }
                }
            }

            if (row && any)
            {
                e.Set(fieldName, FieldValue.Of(total));
                if (col)
                {
                    columnTotals[fieldName] = columnTotals.GetValueOrDefault(fieldName) + total;
                    if (!order.Contains(fieldName))
                    {
                        order.Add(fieldName);
                    }
                }
            }

            yield return e;
        }

        if (col)
        {
            var summary = new Event();
            foreach (var name in order)
            {
                summary.Set(name, FieldValue.Of(columnTotals[name]));
            }

            if (labelField is not null)
            {
                summary.Set(labelField, FieldValue.Of(label));
            }

            yield return summary;
        }
    }
}

/// <summary><c>replace "a*" WITH "b*" IN f</c>: whole-value replacement, case-sensitive, with wildcards carried over.</summary>
public sealed class ReplaceOperator(IReadOnlyList<(FieldNamePattern From, string To)> pairs, IReadOnlyList<FieldNamePattern> fields)
    : StreamingOperator("replace")
{
    public override bool Process(Event e, RunContext run)
    {
        foreach (var (name, value) in e.Fields.ToList())
        {
            if (fields.Count > 0 ? !fields.Any(f => f.IsMatch(name)) : name.StartsWith('_'))
            {
                continue;
            }

            var changed = false;
            var values = value.Values.Select(v =>
            {
                foreach (var (from, to) in pairs)
                {
                    if (from.Captures(v.ToString()) is { } captures)
                    {
                        changed = true;
                        return Scalar.Of(FieldNamePattern.Substitute(to, captures));
                    }
                }

                return v;
            }).ToList();
            if (changed)
            {
                e.Set(name, FieldValue.Multi(values));
            }
        }

        return true;
    }
}
