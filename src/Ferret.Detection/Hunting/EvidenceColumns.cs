using Ferret.Events;

namespace Ferret.Detection.Hunting;

/// <summary>
/// The evidence candidates' values of a field, one per candidate in candidate order, read by name once for all the rows
/// of a detection that agree on that field (<see cref="EvidenceFinder"/>): rows × candidates × fields look-ups by name
/// become candidates × fields. The values themselves are the candidates' own (no text is made). At most
/// <see cref="MaxCells"/> values are kept per finder, so a detection with very many candidates does not hold a copy of
/// their fields; past that a field is read by name from each candidate as before (<see cref="ColumnOf"/> gives null).
/// Not thread-safe: one thread makes a detection's findings.
/// </summary>
internal sealed class EvidenceColumns(IReadOnlyList<Event> candidates)
{
    /// <summary>About 4 MiB of values (a <see cref="FieldValue"/> is 32 bytes) for one detection's finder.</summary>
    internal const int MaxCells = 1 << 17;

    private readonly Dictionary<string, FieldValue[]> _columns = new(StringComparer.Ordinal);
    private int _cells;

    /// <summary>The candidates' values of <paramref name="name"/> (a null value where one has none), or null when keeping
    /// the column would pass <see cref="MaxCells"/>.</summary>
    public FieldValue[]? ColumnOf(string name)
    {
        if (_columns.TryGetValue(name, out var column))
        {
            return column;
        }

        if (_cells + candidates.Count > MaxCells)
        {
            return null;
        }

        column = new FieldValue[candidates.Count];
        for (var i = 0; i < column.Length; i++)
        {
            column[i] = candidates[i][name];
        }

        _columns[name] = column;
        _cells += column.Length;
        return column;
    }
}
