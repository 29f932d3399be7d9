using Ferret.Events;

namespace Ferret.Detection.Hunting;

/// <summary>
/// The evidence candidates' values of a field, one per candidate in candidate order, each read by name at most once for
/// all the rows of a detection that agree on that field (<see cref="EvidenceFinder"/>): rows × candidates × fields
/// look-ups by name become at most candidates × fields. A value is read when a row first needs it, so a finder whose rows
/// stop early (enough evidence found) reads no more than before. The values are the candidates' own (no text is made).
/// At most <see cref="MaxCells"/> values are kept per finder, so a detection with very many candidates does not hold a
/// copy of their fields; past that a field is read by name from each candidate as before (<see cref="ColumnOf"/> gives
/// null). Not thread-safe: one thread makes a detection's findings.
/// </summary>
internal sealed class EvidenceColumns(IReadOnlyList<Event> candidates)
{
    /// <summary>About 4.5 MiB per detection's finder (a <see cref="FieldValue"/> is 32 bytes, and a flag).</summary>
    internal const int MaxCells = 1 << 17;

    private readonly Dictionary<string, Column> _columns = new(StringComparer.Ordinal);
    private int _cells;

    /// <summary>The candidates' values of <paramref name="name"/>, or null when keeping the column would pass
    /// <see cref="MaxCells"/>.</summary>
    public Column? ColumnOf(string name)
    {
        if (_columns.TryGetValue(name, out var column))
        {
            return column;
        }

        if (_cells + candidates.Count > MaxCells)
        {
            return null;
        }

        column = new Column(name, candidates);
        _columns[name] = column;
        _cells += candidates.Count;
        return column;
    }

    /// <summary>One field's values of the candidates, each read when first asked for.</summary>
    internal sealed class Column(string name, IReadOnlyList<Event> candidates)
    {
        private readonly FieldValue[] _values = new FieldValue[candidates.Count];
        private readonly bool[] _read = new bool[candidates.Count];

        /// <summary>The value of candidate <paramref name="index"/> (null where it has none).</summary>
        public FieldValue this[int index]
        {
            get
            {
                if (!_read[index])
                {
                    _values[index] = candidates[index][name];
                    _read[index] = true;
                }

                return _values[index];
            }
        }

        /// <summary>How many values were read so far.</summary>
        public int Read => _read.Count(r => r);
    }
}
