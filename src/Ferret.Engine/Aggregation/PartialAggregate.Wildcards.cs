using Ferret.Events;

namespace Ferret.Engine.Aggregation;

/// <summary>
/// Aggregates over wildcard fields (Search Reference, "stats command": a stats-agg-term is
/// <c>&lt;stats-func&gt;(&lt;evaled-field&gt; | &lt;wc-field&gt;) [AS &lt;wc-field&gt;]</c>): the field set is known only at run
/// time, so each partial keeps a column per (aggregate, field) pair, added the first time an event has a matching field.
/// Events before that contribute nothing to the column, as an event without a named field contributes nothing. Partials
/// that discovered different fields merge by (aggregate, field), so the merge does not depend on arrival order.
/// </summary>
public sealed partial class PartialAggregate
{
    /// <summary>Column i &lt; Aggregates.Count is aggregate i; later columns are (wildcard aggregate, field) pairs.</summary>
    private readonly List<Column> _columns = [];
    private readonly Dictionary<(int Binding, string Field), int> _columnIndex = [];

    /// <summary>Per field name seen, the wildcard columns it feeds (empty when it matches no pattern).</summary>
    private readonly Dictionary<string, int[]> _columnsOfField = new(StringComparer.Ordinal);

    /// <summary>The outputs computed for the columns known so far (recomputed when a column is added).</summary>
    private List<(int Column, string Name)>? _outputs;
    private int _outputsColumnCount;

    private List<(int Column, FieldValue Value)> WildcardInputs(Event e)
    {
        var inputs = new List<(int, FieldValue)>();
        foreach (var (name, value) in e.Fields)
        {
            if (!_columnsOfField.TryGetValue(name, out var columns))
            {
                columns = DiscoverColumns(name);
                _columnsOfField[name] = columns;
            }

            foreach (var column in columns)
            {
                inputs.Add((column, value));
            }
        }

        return inputs;
    }

    private int[] DiscoverColumns(string field)
    {
        List<int>? columns = null;
        for (var i = 0; i < plan.Aggregates.Count; i++)
        {
            if (plan.Aggregates[i].OutputNameFor(field) is { } output && !plan.ReservedNames.Contains(output))
            {
                (columns ??= []).Add(ColumnFor(i, field));
            }
        }

        return columns is null ? [] : [.. columns];
    }

    private int ColumnFor(int binding, string field)
    {
        if (!_columnIndex.TryGetValue((binding, field), out var column))
        {
            column = _columns.Count;
            _columns.Add(new Column(binding, field));
            _columnIndex[(binding, field)] = column;
        }

        return column;
    }

    /// <summary>
    /// The wildcard columns to write and their output names, in aggregate order then field name order. By fields and the
    /// named aggregates keep their names (<c>stats count values(*) AS * BY host</c> keeps the count and the group's host);
    /// when two wildcard columns give the same name, the earlier aggregate (then the smaller field name) wins.
    /// </summary>
    private List<(int Column, string Name)> WildcardOutputs()
    {
        if (_outputs is not null && _outputsColumnCount == _columns.Count)
        {
            return _outputs;
        }

        var outputs = new List<(int, string)>();
        _outputs = outputs;
        _outputsColumnCount = _columns.Count;
        if (!plan.HasWildcards)
        {
            return outputs;
        }

        var taken = new HashSet<string>(plan.ReservedNames, StringComparer.Ordinal);
        foreach (var column in _columns.Index().Where(c => c.Item.Field is not null)
                     .OrderBy(c => c.Item.Binding).ThenBy(c => c.Item.Field, StringComparer.Ordinal))
        {
            var name = plan.Aggregates[column.Item.Binding].OutputNameFor(column.Item.Field!)!;
            if (taken.Add(name))
            {
                outputs.Add((column.Index, name));
            }
        }

        return outputs;
    }

    /// <summary>One column of state: an aggregate, and for a wildcard aggregate the field it aggregates.</summary>
    private readonly record struct Column(int Binding, string? Field);
}
