using Ferret.Engine.Execution;
using Ferret.Engine.Limits;
using Ferret.Engine.Lookups;
using Ferret.Engine.Planning;
using Ferret.Events;
using Ferret.Spl.Syntax;

namespace Ferret.Engine.Operators;

/// <summary>Resolves a lookup table once per run; a missing table is reported once and the run continues. The run's
/// table is kept under the operator that reads it, which keeps nothing else in the run.</summary>
internal static class LookupAccess
{
    public static LookupTable? Resolve(RunContext run, string name, object owner) =>
        Resolve(run, name, owner, static _ => null).Table;

    /// <summary>The run's table and what <paramref name="derive"/> makes of it once per run (null without a table).</summary>
    public static Resolved Resolve(RunContext run, string name, object owner, Func<LookupTable, object?> derive) =>
        run.GetOrAdd(owner, (run, name, derive), static s =>
        {
            var (run, name, derive) = s;
            var table = run.Search.Lookups?.Resolve(name);
            if (table is null)
            {
                run.Report(run.Search.Lookups is null
                    ? $"lookup '{name}' cannot be read: no lookups are configured for this search (use --content)"
                    : $"lookup '{name}' was not found", Ferret.Events.ProblemSeverity.Error);
            }

            return new Resolved(table, table is null ? null : derive(table));
        });

    internal sealed record Resolved(LookupTable? Table, object? Derived);
}

/// <summary>
/// <c>lookup name col [AS field] ... [OUTPUT|OUTPUTNEW col [AS field] ...]</c> (Search Reference, "lookup command").
/// Several matching rows give multivalue outputs. OUTPUTNEW only fills fields the result does not have yet. With no
/// match the result is left as it was (unless the table has a <c>default_match</c>).
/// </summary>
public sealed class LookupOperator(
    string tableName, IReadOnlyList<(string Column, string Field)> inputs, LookupOutputMode mode, IReadOnlyList<(string Column, string Field)> outputs)
    : StreamingOperator("lookup")
{
    public override bool Process(Event e, RunContext run)
    {
        var resolved = LookupAccess.Resolve(run, tableName, this, _allOutputs);
        if (resolved.Table is not { } table)
        {
            return true;
        }

        var outputColumns = mode == LookupOutputMode.All ? (IReadOnlyList<(string Column, string Field)>)resolved.Derived! : outputs;
        if (mode == LookupOutputMode.OutputNew && outputColumns.All(o => e.Has(o.Field)))
        {
            return true;
        }

        var rows = Match(table, e);
        if (rows.Count < table.Options.MinMatches && table.Options.DefaultMatch is { } fallback)
        {
            foreach (var (_, field) in outputColumns)
            {
                if (mode != LookupOutputMode.OutputNew || !e.Has(field))
                {
                    e.Set(field, FieldValue.Of(fallback));
                }
            }

            return true;
        }

        if (rows.Count == 0)
        {
            return true;
        }

        foreach (var (column, field) in outputColumns)
        {
            var index = table.ColumnIndex(column);
            if (index < 0 || (mode == LookupOutputMode.OutputNew && e.Has(field)))
            {
                continue;
            }

            var values = rows.Select(r => r[index]).Where(v => v.Length > 0).ToList();
            e.Set(field, FieldValue.Multi(values));
        }

        return true;
    }

    /// <summary>With no OUTPUT clause, every column the inputs do not name, as a field of its own name: worked out once
    /// per run with the table, not per event.</summary>
    private readonly Func<LookupTable, object?> _allOutputs = table =>
        table.Columns.Where(c => !inputs.Any(i => i.Column == c)).Select(c => (Column: c, Field: c)).ToList();

    private IReadOnlyList<IReadOnlyList<string>> Match(LookupTable table, Event e)
    {
        var valueLists = new List<List<string>>(inputs.Count);
        var single = true;
        foreach (var (_, field) in inputs)
        {
            var values = e[field];
            if (values.Count == 0)
            {
                return [];
            }

            var texts = new List<string>(values.Count);
            foreach (var value in values.Values)
            {
                texts.Add(value.ToString());
            }

            valueLists.Add(texts);
            single &= texts.Count == 1;
        }

        if (single)
        {
            // One value per input, the usual case: one set of keys, and the table's rows are already distinct.
            var keys = new (string Column, string Value)[inputs.Count];
            for (var i = 0; i < keys.Length; i++)
            {
                keys[i] = (inputs[i].Column, valueLists[i][0]);
            }

            return table.Match(keys);
        }

        var results = new List<IReadOnlyList<string>>();
        foreach (var combination in Combinations(valueLists, 0))
        {
            var keys = inputs.Select((input, i) => (input.Column, combination[i])).ToList();
            foreach (var row in table.Match(keys))
            {
                if (!results.Contains(row))
                {
                    results.Add(row);
                }
            }
        }

        return results;
    }

    private static IEnumerable<string[]> Combinations(List<List<string>> lists, int index)
    {
        if (index == lists.Count)
        {
            yield return new string[lists.Count];
            yield break;
        }

        foreach (var value in lists[index])
        {
            foreach (var rest in Combinations(lists, index + 1))
            {
                rest[index] = value;
                yield return rest;
            }
        }
    }
}

/// <summary><c>| inputlookup name [where terms]</c>: the table's rows as results; <c>append=true</c> adds them after the current results.</summary>
public sealed class InputlookupOperator(string tableName, Predicate? where, bool append, int start, int max) : Operator("inputlookup")
{
    public override OperatorKind Kind => append ? OperatorKind.Blocking : OperatorKind.Generating;

    public override bool CreatesRows => true;

    public override IEnumerable<Event> Execute(IEnumerable<Event> input, RunContext run)
    {
        if (append)
        {
            foreach (var e in input)
            {
                yield return e;
            }
        }

        if (LookupAccess.Resolve(run, tableName, this) is not { } table)
        {
            yield break;
        }

        var rows = table.ToEvents().Skip(start);
        if (where is not null)
        {
            rows = rows.Where(r => where(r, run.Runtime));
        }

        foreach (var row in max > 0 ? rows.Take(max) : rows)
        {
            yield return row;
        }
    }
}

/// <summary>
/// <c>outputlookup name</c>: writes the results as CSV into the configured output folder and passes them on; with no
/// folder configured it reports that nothing was written.
/// </summary>
public sealed class OutputlookupOperator(string tableName, bool append) : BlockingOperator("outputlookup")
{
    public override IEnumerable<Event> Execute(IEnumerable<Event> input, RunContext run)
    {
        var rows = RowBudget.Collect(input, run, "outputlookup");
        if (run.Search.OutputLookupDirectory is not { } directory)
        {
            run.Report($"outputlookup '{tableName}': no output folder is configured, so the lookup was not written");
            return rows;
        }

        var fileName = tableName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? tableName : tableName + ".csv";
        var path = Path.Combine(directory, Path.GetFileName(fileName));
        var columns = rows.SelectMany(r => r.Fields.Keys).Where(k => !k.StartsWith('_') || k == "_time")
            .Distinct(StringComparer.Ordinal).ToList();
        try
        {
            Directory.CreateDirectory(directory);
            var writeHeader = !append || !File.Exists(path);
            using var writer = new StreamWriter(path, append);
            if (writeHeader)
            {
                writer.WriteLine(string.Join(',', columns.Select(CsvReader.Escape)));
            }

            foreach (var row in rows)
            {
                writer.WriteLine(string.Join(',', columns.Select(c => CsvReader.Escape(row[c].ToString()))));
            }
        }
        catch (IOException exception)
        {
            run.Report($"outputlookup '{tableName}': cannot write {path}: {exception.Message}", ProblemSeverity.Error);
        }
        catch (UnauthorizedAccessException exception)
        {
            run.Report($"outputlookup '{tableName}': cannot write {path}: {exception.Message}", ProblemSeverity.Error);
        }

        return rows;
    }
}
