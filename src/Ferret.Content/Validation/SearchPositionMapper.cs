namespace Ferret.Content.Validation;

/// <summary>
/// Maps an offset in a detection's search text to the line and column of its YAML file. YAML scalars do not keep the
/// file's layout (folding turns a line break and indentation into one space, <c>''</c> stands for <c>'</c>, a double-quoted
/// scalar has escapes), so the mapper walks the file from where the scalar starts alongside the value, matching runs of
/// white space to runs of white space. If the two disagree it falls back to counting lines within the search itself.
/// </summary>
public static class SearchPositionMapper
{
    public static (int Line, int Column) ToFilePosition(DetectionDefinition detection, string? fileText, int searchOffset)
    {
        if (fileText is not null && detection.SearchLine > 0
            && StartOffset(fileText, detection.SearchLine, detection.SearchColumn) is { } start
            && Walk(fileText, start, detection.Search, searchOffset, detection.SearchStyle) is { } fileOffset)
        {
            return LineAndColumn(fileText, fileOffset);
        }

        // Fallback: the position within the search, shifted to where the search starts.
        var (line, column) = LineAndColumn(detection.Search, Math.Clamp(searchOffset, 0, detection.Search.Length));
        return detection.SearchLine > 0
            ? (detection.SearchLine + line - 1, line == 1 ? detection.SearchColumn + column - 1 : column)
            : (line, column);
    }

    private static int? StartOffset(string text, int line, int column)
    {
        var offset = 0;
        for (var current = 1; current < line; current++)
        {
            var next = text.IndexOf('\n', offset);
            if (next < 0)
            {
                return null;
            }

            offset = next + 1;
        }

        offset += column - 1;
        return offset <= text.Length ? offset : null;
    }

    private static int? Walk(string file, int fileOffset, string value, int target, SearchScalarStyle style)
    {
        var f = fileOffset;
        var v = 0;
        target = Math.Clamp(target, 0, value.Length);
        while (v < target)
        {
            if (char.IsWhiteSpace(value[v]))
            {
                while (v < target && char.IsWhiteSpace(value[v]))
                {
                    v++;
                }

                while (f < file.Length && char.IsWhiteSpace(file[f]))
                {
                    f++;
                }

                continue;
            }

            if (f >= file.Length)
            {
                return null;
            }

            if (style == SearchScalarStyle.SingleQuoted && value[v] == '\'' && f + 1 < file.Length && file[f] == '\'' && file[f + 1] == '\'')
            {
                f += 2;
            }
            else if (style == SearchScalarStyle.DoubleQuoted && file[f] == '\\' && value[v] != '\\')
            {
                f += 2;
            }
            else if (file[f] == value[v])
            {
                f += style == SearchScalarStyle.DoubleQuoted && file[f] == '\\' ? 2 : 1;
            }
            else
            {
                return null;
            }

            v++;
        }

        return f;
    }

    private static (int Line, int Column) LineAndColumn(string text, int offset)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset && i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, offset - lineStart + 1);
    }
}
