using System.Text.Json;

namespace Ferret.Conformance.SpecFormat;

/// <summary>Reads the expected table: a JSON array of column names, then one JSON array per row.</summary>
internal static class ExpectedTableReader
{
    public static ExpectedTable? Read(IReadOnlyList<SpecLine> lines, Action<int, string> problem)
    {
        var columns = new List<string>();
        var rows = new List<IReadOnlyList<ExpectedCell>>();
        if (!TryParseArray(lines[0], problem, out var header))
        {
            return null;
        }

        foreach (var column in header.EnumerateArray())
        {
            if (column.ValueKind != JsonValueKind.String || column.GetString() is not { Length: > 0 } name)
            {
                problem(lines[0].Number - 1, "column names are non-empty JSON strings");
                return null;
            }

            columns.Add(name);
        }

        if (columns.Count == 0 || columns.Distinct(StringComparer.Ordinal).Count() != columns.Count)
        {
            problem(lines[0].Number - 1, "the header names at least one column, each once");
            return null;
        }

        foreach (var line in lines.Skip(1))
        {
            if (!TryParseArray(line, problem, out var row))
            {
                return null;
            }

            var cells = row.EnumerateArray().Select(ReadCell).ToList();
            if (cells.Count != columns.Count || cells.Any(c => c is null))
            {
                problem(line.Number - 1, $"a row has {columns.Count} cells, each null, a string, a number or an array of strings and numbers");
                return null;
            }

            rows.Add(cells!);
        }

        return new ExpectedTable(columns, rows);
    }

    private static bool TryParseArray(SpecLine line, Action<int, string> problem, out JsonElement array)
    {
        try
        {
            using var document = JsonDocument.Parse(line.Text);
            array = document.RootElement.Clone();
            if (array.ValueKind == JsonValueKind.Array)
            {
                return true;
            }
        }
        catch (JsonException exception)
        {
            problem(line.Number - 1, $"not JSON: {exception.Message}");
            array = default;
            return false;
        }

        problem(line.Number - 1, "expected a JSON array");
        return false;
    }

    private static ExpectedCell? ReadCell(JsonElement cell) => cell.ValueKind switch
    {
        JsonValueKind.Null => ExpectedCell.Missing,
        JsonValueKind.String or JsonValueKind.Number => new ExpectedCell([ScalarText(cell)!]),
        JsonValueKind.Array when cell.GetArrayLength() > 0 && cell.EnumerateArray().All(v => ScalarText(v) is not null) =>
            new ExpectedCell(cell.EnumerateArray().Select(v => ScalarText(v)!).ToList()),
        _ => null,
    };

    /// <summary>A string as is; a number as written in the file (values are compared as text).</summary>
    private static string? ScalarText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        _ => null,
    };
}
