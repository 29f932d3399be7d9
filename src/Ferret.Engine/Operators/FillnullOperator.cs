using Ferret.Engine.Execution;
using Ferret.Engine.Limits;
using Ferret.Events;

namespace Ferret.Engine.Operators;

/// <summary>
/// <c>fillnull [value=V] [fields]</c> (default value 0). With a field list, streaming: each listed field that is missing
/// gets V. Without one, every field present in any result is filled in every result, which needs all results first
/// (Search Reference, "fillnull command").
/// </summary>
public sealed class FillnullOperator(string value, IReadOnlyList<string> fields) : Operator("fillnull")
{
    public override OperatorKind Kind => fields.Count > 0 ? OperatorKind.Streaming : OperatorKind.Blocking;

    public override bool MutatesEvents => true;

    public override IEnumerable<Event> Execute(IEnumerable<Event> input, RunContext run)
    {
        var fill = FieldValue.Of(value);
        if (fields.Count > 0)
        {
            foreach (var e in input)
            {
                foreach (var field in fields)
                {
                    if (!e.Has(field))
                    {
                        e.Set(field, fill);
                    }
                }

                yield return e;
            }

            yield break;
        }

        var rows = RowBudget.Collect(input, run, "fillnull");
        var names = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            foreach (var name in row.Fields.Keys)
            {
                if (seen.Add(name))
                {
                    names.Add(name);
                }
            }
        }

        foreach (var row in rows)
        {
            foreach (var name in names)
            {
                if (!row.Has(name))
                {
                    row.Set(name, fill);
                }
            }

            yield return row;
        }
    }
}
