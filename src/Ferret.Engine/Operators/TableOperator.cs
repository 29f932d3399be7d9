using Ferret.Engine.Execution;
using Ferret.Events;

namespace Ferret.Engine.Operators;

/// <summary><c>table</c>: a new row with only the listed fields (wildcards allowed), in the listed order.</summary>
public sealed class TableOperator(IReadOnlyList<FieldNamePattern> fields) : Operator("table")
{
    public override OperatorKind Kind => OperatorKind.Streaming;

    public override bool CreatesRows => true;

    public IReadOnlyList<FieldNamePattern> Fields => fields;

    public override IEnumerable<Event> Execute(IEnumerable<Event> input, RunContext run)
    {
        foreach (var e in input)
        {
            var row = new Event(fields.Count);
            string[]? sortedNames = null;
            foreach (var pattern in fields)
            {
                if (!pattern.HasWildcard)
                {
                    row.Set(pattern.Pattern, e[pattern.Pattern]);
                    continue;
                }

                // A wildcard takes the matching fields in name order; the names are sorted once per row, not per pattern.
                sortedNames ??= SortedNames(e);
                foreach (var name in sortedNames)
                {
                    if (pattern.IsMatch(name) && !row.Has(name))
                    {
                        row.Set(name, e[name]);
                    }
                }
            }

            yield return row;
        }
    }

    private static string[] SortedNames(Event e)
    {
        var names = new string[e.FieldCount];
        var i = 0;
        foreach (var (name, _) in e.Fields)
        {
            names[i++] = name;
        }

        Array.Sort(names, StringComparer.Ordinal);
        return names;
    }
}

/// <summary>
/// <c>fields [+] list</c> keeps the listed fields plus the internal <c>_raw</c> and <c>_time</c>; <c>fields - list</c>
/// removes the listed ones (Search Reference, "fields command").
/// </summary>
public sealed class FieldsOperator(bool remove, IReadOnlyList<FieldNamePattern> fields) : StreamingOperator("fields")
{
    public override bool Process(Event e, RunContext run)
    {
        var doomed = new List<string>();
        foreach (var name in e.Fields.Keys)
        {
            var listed = fields.Any(p => p.IsMatch(name));
            if (remove ? listed : !listed && name is not ("_raw" or "_time"))
            {
                doomed.Add(name);
            }
        }

        foreach (var name in doomed)
        {
            e.Remove(name);
        }

        return true;
    }
}
