using System.Text;

namespace Ferret.Ingest.Sources;

/// <summary>Reads text line by line keeping each line's terminator, so multi-line events keep their
/// line breaks exactly (<see cref="TextReader.ReadLine"/> would drop "\r\n").</summary>
internal sealed class LineScanner(TextReader reader)
{
    private readonly char[] _buffer = new char[64 * 1024];
    private readonly StringBuilder _pending = new();
    private int _start;
    private int _end;

    public bool TryReadLine(out string line)
    {
        while (true)
        {
            if (_start < _end)
            {
                var newline = Array.IndexOf(_buffer, '\n', _start, _end - _start);
                if (newline >= 0)
                {
                    line = Take(newline + 1);
                    return true;
                }

                _pending.Append(_buffer, _start, _end - _start);
                _start = _end;
            }

            _end = reader.Read(_buffer, 0, _buffer.Length);
            _start = 0;
            if (_end == 0)
            {
                line = _pending.ToString();
                _pending.Clear();
                return line.Length > 0;
            }
        }
    }

    private string Take(int endExclusive)
    {
        string line;
        if (_pending.Length == 0)
        {
            line = new string(_buffer, _start, endExclusive - _start);
        }
        else
        {
            _pending.Append(_buffer, _start, endExclusive - _start);
            line = _pending.ToString();
            _pending.Clear();
        }

        _start = endExclusive;
        return line;
    }
}
