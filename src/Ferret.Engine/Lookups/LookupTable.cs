using Ferret.Engine.Matching;
using Ferret.Events;

namespace Ferret.Engine.Lookups;

/// <summary>
/// A lookup table: named columns, rows of strings, and how it matches (<see cref="LookupOptions"/>). Immutable and
/// thread-safe; exact-match lookups are indexed on first use.
/// </summary>
public sealed partial class LookupTable
{
    private readonly Dictionary<string, int> _columnIndex;
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

        _cellPatterns = new WildcardPattern?[]?[columns.Count];
        _exactIndexes = new Dictionary<string, List<int>>?[columns.Count];
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
