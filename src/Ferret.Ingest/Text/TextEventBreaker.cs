using System.Text;
using System.Text.RegularExpressions;

namespace Ferret.Ingest.Text;

/// <summary>
/// Breaks a stream of text into raw events by <see cref="TextBreaking"/>, reading it in chunks so a file is never held
/// whole: the line breaker runs over a window, every complete piece before the last break is handed on, the rest is
/// kept for the next chunk. A piece that grows past <see cref="MaxPieceChars"/> without a break is cut there.
/// </summary>
internal sealed class TextEventBreaker(TextReader reader, TextBreaking rules)
{
    private const int ChunkChars = 64 * 1024;

    /// <summary>A piece with no break this long is cut: the line breaker cannot match inside any real log line.</summary>
    private const int MaxPieceChars = 1024 * 1024;

    /// <summary>The raw events with the line number each starts on.</summary>
    public IEnumerable<(string Raw, int Line)> Events()
    {
        var merged = new StringBuilder();
        var mergedLine = 0;
        var mergedPieces = 0;
        foreach (var (piece, line) in Pieces())
        {
            if (!rules.ShouldLineMerge)
            {
                yield return (Cut(piece), line);
                continue;
            }

            var startsEvent = rules.IsEventStart?.Invoke(piece) ?? true;
            if (merged.Length > 0 && (startsEvent || mergedPieces >= rules.MaxLines))
            {
                yield return (Cut(merged.ToString()), mergedLine);
                merged.Clear();
                mergedPieces = 0;
            }

            if (merged.Length == 0)
            {
                mergedLine = line;
            }
            else
            {
                merged.Append('\n');
            }

            merged.Append(piece);
            mergedPieces++;
        }

        if (merged.Length > 0)
        {
            yield return (Cut(merged.ToString()), mergedLine);
        }
    }

    private string Cut(string raw) => rules.Truncate > 0 && raw.Length > rules.Truncate ? raw[..rules.Truncate] : raw;

    /// <summary>The text between line breaks, blank pieces left out (Splunk indexes no empty event).</summary>
    private IEnumerable<(string Piece, int Line)> Pieces()
    {
        var window = new StringBuilder();
        var buffer = new char[ChunkChars];
        var line = 1;
        var ended = false;
        while (!ended)
        {
            var read = reader.Read(buffer, 0, buffer.Length);
            ended = read == 0;
            window.Append(buffer, 0, read);
            var text = window.ToString();
            var consumed = 0;
            foreach (Match match in rules.LineBreaker.Matches(text))
            {
                var delimiter = match.Groups.Count > 1 ? match.Groups[1] : (Capture)match;
                if (!ended && delimiter.Index + delimiter.Length >= text.Length)
                {
                    break;
                }

                if (delimiter.Index < consumed)
                {
                    continue;
                }

                var piece = text[consumed..delimiter.Index];
                if (!string.IsNullOrWhiteSpace(piece))
                {
                    yield return (piece, line);
                }

                line += CountLines(text, consumed, delimiter.Index + delimiter.Length);
                consumed = delimiter.Index + delimiter.Length;
            }

            if (ended || text.Length - consumed > MaxPieceChars)
            {
                var rest = text[consumed..];
                if (!string.IsNullOrWhiteSpace(rest))
                {
                    yield return (rest, line);
                }

                line += CountLines(text, consumed, text.Length);
                consumed = text.Length;
            }

            window.Remove(0, consumed);
        }
    }

    private static int CountLines(string text, int start, int end) => text.AsSpan(start, end - start).Count('\n');
}
