using Ferret.Events;

namespace Ferret.Detection.Search;

/// <summary>
/// Result rows held for a writer that must see every row before writing the first (CSV needs every column for its
/// header, a table every width), in bounded memory: the first rows stay in memory, the rest go to a temporary file
/// (deleted on dispose), each row kept as the cells the writer will print.
/// </summary>
internal sealed class RowSpool : IDisposable
{
    /// <summary>Rows kept in memory before the spool spills to disk.</summary>
    private const int RowsInMemory = 10_000;

    private readonly Func<string, FieldValue, string> _cell;
    private readonly Dictionary<string, int> _columnIndex = new(StringComparer.Ordinal);
    private readonly List<(int Column, string Cell)[]> _memory = [];
    private FileStream? _file;
    private BinaryWriter? _writer;

    /// <param name="cell">How a field's value is printed in its column.</param>
    public RowSpool(Func<string, FieldValue, string> cell)
    {
        _cell = cell;
    }

    /// <summary>Column names in order of first appearance.</summary>
    public List<string> Columns { get; } = [];

    /// <summary>The widest cell of each column (by column number).</summary>
    public List<int> Widths { get; } = [];

    public long Count { get; private set; }

    public void Add(Event row)
    {
        var cells = new (int Column, string Cell)[row.FieldCount];
        var i = 0;
        foreach (var (name, value) in row.Fields)
        {
            if (!_columnIndex.TryGetValue(name, out var column))
            {
                column = Columns.Count;
                _columnIndex[name] = column;
                Columns.Add(name);
                Widths.Add(0);
            }

            var cell = _cell(name, value);
            Widths[column] = Math.Max(Widths[column], cell.Length);
            cells[i++] = (column, cell);
        }

        Count++;
        if (_memory.Count < RowsInMemory)
        {
            _memory.Add(cells);
            return;
        }

        _writer ??= OpenFile();
        _writer.Write(cells.Length);
        foreach (var (column, cell) in cells)
        {
            _writer.Write(column);
            _writer.Write(cell);
        }
    }

    /// <summary>Every row, in the order added, as its cells by column number (missing columns null).</summary>
    public IEnumerable<string?[]> Rows()
    {
        foreach (var cells in _memory)
        {
            yield return Spread(cells);
        }

        if (_file is null || _writer is null)
        {
            yield break;
        }

        _writer.Flush();
        _file.Position = 0;
        using var reader = new BinaryReader(_file, System.Text.Encoding.UTF8, leaveOpen: true);
        while (_file.Position < _file.Length)
        {
            var count = reader.ReadInt32();
            var cells = new (int Column, string Cell)[count];
            for (var i = 0; i < count; i++)
            {
                cells[i] = (reader.ReadInt32(), reader.ReadString());
            }

            yield return Spread(cells);
        }
    }

    public void Dispose()
    {
        _writer?.Dispose();
        _file?.Dispose();
    }

    private string?[] Spread((int Column, string Cell)[] cells)
    {
        var row = new string?[Columns.Count];
        foreach (var (column, cell) in cells)
        {
            row[column] = cell;
        }

        return row;
    }

    private BinaryWriter OpenFile()
    {
        var path = Path.Combine(Path.GetTempPath(), "ferret-rows-" + Guid.NewGuid().ToString("N") + ".bin");
        _file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        return new BinaryWriter(_file, System.Text.Encoding.UTF8, leaveOpen: true);
    }
}
