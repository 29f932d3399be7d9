using Ferret.Engine.Lookups;
using Ferret.Events;

namespace Ferret.Knowledge.Conf.SearchTime;

/// <summary>
/// An automatic lookup (props.conf <c>LOOKUP-&lt;class&gt; = &lt;table&gt; &lt;field&gt; [AS &lt;event field&gt;]...
/// [OUTPUT|OUTPUTNEW &lt;field&gt; [AS &lt;event field&gt;]...]</c>): the table's rows whose input columns equal the
/// event's fields give the output columns (all other columns when no OUTPUT is named). OUTPUTNEW only fills fields the
/// event lacks.
/// </summary>
internal sealed record LookupStep(
    LookupTable Table,
    IReadOnlyList<(string Column, string Field)> Inputs,
    IReadOnlyList<(string Column, string Field)> Outputs,
    bool OnlyNew)
{
    public void Apply(Event e)
    {
        var keys = new List<(string Column, string Value)>(Inputs.Count);
        foreach (var (column, field) in Inputs)
        {
            if (e[field].Text is not { } value)
            {
                return;
            }

            keys.Add((column, value));
        }

        var rows = Table.Match(keys);
        if (rows.Count == 0)
        {
            return;
        }

        foreach (var (column, field) in Outputs)
        {
            var index = Table.ColumnIndex(column);
            if (index < 0 || (OnlyNew && e.Has(field)))
            {
                continue;
            }

            var values = rows.Select(r => index < r.Count ? r[index] : string.Empty).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToList();
            if (values.Count > 0)
            {
                e.Set(field, FieldValue.Multi(values));
            }
        }
    }
}
