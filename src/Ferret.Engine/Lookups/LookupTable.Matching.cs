using Ferret.Engine.Functions;
using Ferret.Engine.Matching;

namespace Ferret.Engine.Lookups;

/// <summary>
/// Finding the rows of a lookup for the values of an event: a lookup runs for every event that reaches it. A key on
/// a plain column (neither wildcard nor CIDR) narrows the rows through an index of that column, built on first use;
/// the other keys, wildcard and CIDR ones included, are then tested on those rows only. Wildcard cells are read into
/// patterns once per column.
/// </summary>
public sealed partial class LookupTable
{
    /// <summary>Per column, the rows of each cell text (compared as <see cref="CellMatches"/> compares plain cells);
    /// null until the column is first used as a key.</summary>
    private readonly Dictionary<string, List<int>>?[] _exactIndexes;

    /// <summary>Per wildcard column, each row's cell as a pattern (null for a cell without <c>*</c>); null until used.</summary>
    private readonly WildcardPattern?[]?[] _cellPatterns;

    private readonly Lock _indexGate = new();

    /// <summary>The rows matching every (column, value) pair, at most <see cref="LookupOptions.MaxMatches"/>, in table order.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Match(IReadOnlyList<(string Column, string Value)> keys)
    {
        var tests = new KeyTest[keys.Count];
        var indexed = -1;
        for (var k = 0; k < keys.Count; k++)
        {
            var (column, value) = keys[k];
            var index = ColumnIndex(column);
            if (index < 0)
            {
                return [];
            }

            tests[k] = new KeyTest(index, value, IsWildcard(column), IsCidr(column));
            if (indexed < 0 && !tests[k].Wildcard && !tests[k].Cidr)
            {
                indexed = k;
            }
        }

        var matches = new List<IReadOnlyList<string>>();
        if (indexed >= 0)
        {
            if (ExactIndex(tests[indexed].Column).TryGetValue(tests[indexed].Value, out var rows))
            {
                foreach (var i in rows)
                {
                    if (AddIfMatches(i, tests, matches))
                    {
                        break;
                    }
                }
            }
        }
        else
        {
            for (var i = 0; i < Rows.Count; i++)
            {
                if (AddIfMatches(i, tests, matches))
                {
                    break;
                }
            }
        }

        return matches;
    }

    /// <summary>Adds row <paramref name="i"/> when it matches every test; true when the matches reached the most allowed.</summary>
    private bool AddIfMatches(int i, KeyTest[] tests, List<IReadOnlyList<string>> matches)
    {
        var row = Rows[i];
        foreach (var test in tests)
        {
            if (!CellMatches(i, row, test))
            {
                return false;
            }
        }

        matches.Add(row);
        return matches.Count >= Math.Max(1, Options.MaxMatches);
    }

    private bool IsWildcard(string column) => Options.WildcardFields.Contains(column, StringComparer.Ordinal);

    private bool IsCidr(string column) => Options.CidrFields.Contains(column, StringComparer.Ordinal);

    private StringComparer CellComparer => Options.CaseSensitive ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase;

    private bool CellMatches(int rowNumber, IReadOnlyList<string> row, in KeyTest test)
    {
        var cell = row[test.Column];
        if (test.Wildcard && cell.Contains('*', StringComparison.Ordinal))
        {
            return Options.CaseSensitive
                ? WildcardPattern.IsCaseSensitiveMatch(cell, test.Value)
                : CellPatterns(test.Column)[rowNumber]!.IsMatch(test.Value);
        }

        if (test.Cidr)
        {
            return FunctionLibrary.CidrMatch(cell, test.Value);
        }

        return CellComparer.Equals(cell, test.Value);
    }

    /// <summary>The patterns of the cells of <paramref name="column"/>, built the first time one is needed.</summary>
    private WildcardPattern?[] CellPatterns(int column)
    {
        if (Volatile.Read(ref _cellPatterns[column]) is { } built)
        {
            return built;
        }

        var patterns = new WildcardPattern?[Rows.Count];
        for (var i = 0; i < Rows.Count; i++)
        {
            var cell = Rows[i][column];
            patterns[i] = cell.Contains('*', StringComparison.Ordinal) ? new WildcardPattern(cell) : null;
        }

        return Interlocked.CompareExchange(ref _cellPatterns[column], patterns, null) ?? patterns;
    }

    private Dictionary<string, List<int>> ExactIndex(int column)
    {
        if (Volatile.Read(ref _exactIndexes[column]) is { } existing)
        {
            return existing;
        }

        lock (_indexGate)
        {
            if (_exactIndexes[column] is { } made)
            {
                return made;
            }

            var index = new Dictionary<string, List<int>>(CellComparer);
            for (var i = 0; i < Rows.Count; i++)
            {
                var key = Rows[i][column];
                if (!index.TryGetValue(key, out var list))
                {
                    list = [];
                    index[key] = list;
                }

                list.Add(i);
            }

            Volatile.Write(ref _exactIndexes[column], index);
            return index;
        }
    }

    /// <summary>One key of a lookup: the column it reads, the event's value, and how the column matches.</summary>
    private readonly record struct KeyTest(int Column, string Value, bool Wildcard, bool Cidr);
}
