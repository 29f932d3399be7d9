using System.Collections.Concurrent;
using Ferret.Engine.Functions;
using Ferret.Engine.Matching;
using Ferret.Events;

namespace Ferret.Engine.Lookups;

/// <summary>
/// A lookup table: named columns, rows of strings, and how it matches (<see cref="LookupOptions"/>). Immutable and
/// thread-safe; exact-match lookups are indexed on first use.
/// </summary>
public sealed class LookupTable
{
    private readonly Dictionary<string, int> _columnIndex;
    private readonly Dictionary<string, Dictionary<string, List<int>>> _exactIndexes = [];
    private readonly Lock _indexGate = new();

    /// <summary>The wildcard cells' patterns, built once: a wildcard lookup compares every row with every event.</summary>
    private readonly ConcurrentDictionary<string, WildcardPattern> _cellPatterns = new(StringComparer.Ordinal);

    public LookupTable(IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<string>> rows, LookupOptions? options = null, string? name = null)
    {
        Columns = columns;
        Rows = rows;
        Options = options ?? LookupOptions.Default;
        Name = name ?? "lookup";
        _columnIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < columns.Count; i++)
        {
            _columnIndex.TryAdd(columns[i], i);
        }
    }

    public string Name { get; }

    public IReadOnlyList<string> Columns { get; }

    public IReadOnlyList<IReadOnlyList<string>> Rows { get; }

    public LookupOptions Options { get; }

    public bool HasColumn(string column) => _columnIndex.ContainsKey(column);

    public int ColumnIndex(string column) => _columnIndex.TryGetValue(column, out var i) ? i : -1;

    /// <summary>Loads a CSV file whose first record names the columns. Short rows are padded with empty values.</summary>
    public static LookupTable LoadCsv(string path, LookupOptions options)
    {
        using var reader = new StreamReader(path);
        return ReadCsv(reader, options, Path.GetFileName(path));
    }

    public static LookupTable ReadCsv(TextReader reader, LookupOptions options, string name = "lookup")
    {
        using var records = CsvReader.ReadRecords(reader).GetEnumerator();
        if (!records.MoveNext())
        {
            return new LookupTable([], [], options, name);
        }

        var columns = records.Current.Select(c => c.Trim()).ToArray();
        var rows = new List<IReadOnlyList<string>>();
        while (records.MoveNext())
        {
            var record = records.Current;
            if (record.Length == 1 && record[0].Length == 0)
            {
                continue;
            }

            var row = new string[columns.Length];
            for (var i = 0; i < columns.Length; i++)
            {
                row[i] = i < record.Length ? record[i] : string.Empty;
            }

            rows.Add(row);
        }

        return new LookupTable(columns, rows, options, name);
    }

    /// <summary>The rows matching every (column, value) pair, at most <see cref="LookupOptions.MaxMatches"/>, in table order.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Match(IReadOnlyList<(string Column, string Value)> keys)
    {
        var special = keys.Any(k => IsWildcard(k.Column) || IsCidr(k.Column));
        IEnumerable<int> candidates;
        if (!special && keys.Count > 0)
        {
            var first = keys[0];
            var index = ExactIndex(first.Column);
            candidates = index.TryGetValue(Normalize(first.Value), out var list) ? list : [];
        }
        else
        {
            candidates = Enumerable.Range(0, Rows.Count);
        }

        var matches = new List<IReadOnlyList<string>>();
        foreach (var i in candidates)
        {
            if (AllCellsMatch(Rows[i], keys))
            {
                matches.Add(Rows[i]);
                if (matches.Count >= Math.Max(1, Options.MaxMatches))
                {
                    break;
                }
            }
        }

        return matches;
    }

    private bool IsWildcard(string column) => Options.WildcardFields.Contains(column, StringComparer.Ordinal);

    private bool IsCidr(string column) => Options.CidrFields.Contains(column, StringComparer.Ordinal);

    private string Normalize(string value) => Options.CaseSensitive ? value : value.ToLowerInvariant();

    private bool AllCellsMatch(IReadOnlyList<string> row, IReadOnlyList<(string Column, string Value)> keys)
    {
        for (var k = 0; k < keys.Count; k++)
        {
            if (!CellMatches(row, keys[k].Column, keys[k].Value))
            {
                return false;
            }
        }

        return true;
    }

    private bool CellMatches(IReadOnlyList<string> row, string column, string value)
    {
        var index = ColumnIndex(column);
        if (index < 0)
        {
            return false;
        }

        var cell = row[index];
        if (IsWildcard(column) && cell.Contains('*', StringComparison.Ordinal))
        {
            return Options.CaseSensitive
                ? WildcardPattern.IsCaseSensitiveMatch(cell, value)
                : _cellPatterns.GetOrAdd(cell, static c => new WildcardPattern(c)).IsMatch(value);
        }

        if (IsCidr(column))
        {
            return FunctionLibrary.CidrMatch(cell, value);
        }

        return string.Equals(cell, value, Options.CaseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase);
    }

    private Dictionary<string, List<int>> ExactIndex(string column)
    {
        lock (_indexGate)
        {
            if (_exactIndexes.TryGetValue(column, out var existing))
            {
                return existing;
            }

            var index = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            var c = ColumnIndex(column);
            if (c >= 0)
            {
                for (var i = 0; i < Rows.Count; i++)
                {
                    var key = Normalize(Rows[i][c]);
                    if (!index.TryGetValue(key, out var list))
                    {
                        list = [];
                        index[key] = list;
                    }

                    list.Add(i);
                }
            }

            _exactIndexes[column] = index;
            return index;
        }
    }

    /// <summary>The table as result rows (for inputlookup).</summary>
    public IEnumerable<Event> ToEvents()
    {
        foreach (var row in Rows)
        {
            var e = new Event(Columns.Count);
            for (var i = 0; i < Columns.Count; i++)
            {
                if (row[i].Length > 0)
                {
                    e.Set(Columns[i], FieldValue.Of(row[i]));
                }
            }

            yield return e;
        }
    }
}
