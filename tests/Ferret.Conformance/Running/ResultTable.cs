using System.Text.Json;
using Ferret.Conformance.SpecFormat;
using Ferret.Events;

namespace Ferret.Conformance.Running;

/// <summary>Compares the engine's results with an expected table, cell by cell, as text (README.md).</summary>
internal static class ResultTable
{
    /// <summary>Null when the results match; otherwise what differs first.</summary>
    public static string? Compare(ExpectedTable expected, IReadOnlyList<Event> actual, RowOrdering ordering, bool exactColumns)
    {
        if (exactColumns)
        {
            for (var i = 0; i < actual.Count; i++)
            {
                var extra = actual[i].Fields.Keys.Where(k => !expected.Columns.Contains(k, StringComparer.Ordinal)).Order(StringComparer.Ordinal).ToList();
                if (extra.Count > 0)
                {
                    return $"row {i + 1} has fields not in the expected columns (columns: exact): {string.Join(", ", extra)}";
                }
            }
        }

        if (actual.Count != expected.Rows.Count)
        {
            return $"expected {expected.Rows.Count} row(s), got {actual.Count}";
        }

        var actualRows = actual.Select(e => Cells(expected.Columns, e)).ToList();
        if (ordering == RowOrdering.Exact)
        {
            for (var i = 0; i < actualRows.Count; i++)
            {
                if (FirstDifference(expected.Columns, expected.Rows[i], actualRows[i]) is { } difference)
                {
                    return $"row {i + 1}: {difference}";
                }
            }

            return null;
        }

        var unmatched = actualRows.ToList();
        foreach (var row in expected.Rows)
        {
            var index = unmatched.FindIndex(candidate => FirstDifference(expected.Columns, row, candidate) is null);
            if (index < 0)
            {
                return $"no actual row matches expected row {FormatRow(row.Select(c => c.Values))} (ordering: any)";
            }

            unmatched.RemoveAt(index);
        }

        return null;
    }

    /// <summary>The expected table as lines: the header, then one JSON array per row.</summary>
    public static IReadOnlyList<string> Format(ExpectedTable table) =>
        [JsonSerializer.Serialize(table.Columns), .. table.Rows.Select(r => FormatRow(r.Select(c => c.Values)))];

    /// <summary>The actual results as lines, showing only the expected columns.</summary>
    public static IReadOnlyList<string> Format(IReadOnlyList<string> columns, IReadOnlyList<Event> rows) =>
        [JsonSerializer.Serialize(columns), .. rows.Select(e => FormatRow(Cells(columns, e)))];

    private static IReadOnlyList<string>?[] Cells(IReadOnlyList<string> columns, Event row) =>
        columns.Select(c => row[c] is { IsNull: false } value ? (IReadOnlyList<string>?)value.Texts.ToList() : null).ToArray();

    private static string? FirstDifference(IReadOnlyList<string> columns, IReadOnlyList<ExpectedCell> expected, IReadOnlyList<string>?[] actual)
    {
        for (var c = 0; c < columns.Count; c++)
        {
            if (!expected[c].Matches(actual[c]))
            {
                return $"column '{columns[c]}' expected {expected[c]}, got {ExpectedCell.Format(actual[c])}";
            }
        }

        return null;
    }

    private static string FormatRow(IEnumerable<IReadOnlyList<string>?> cells) => "[" + string.Join(",", cells.Select(ExpectedCell.Format)) + "]";
}
