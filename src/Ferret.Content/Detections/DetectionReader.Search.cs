using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Ferret.Content.Detections;

internal static partial class DetectionReader
{
    /// <summary>
    /// Where the first character of the search text is in the file (1-based). YamlDotNet's mark is where the
    /// scalar token starts: on the quote for a quoted scalar, on the <c>|</c> or <c>&gt;</c> indicator for a
    /// block scalar, whose text starts on the next non-blank line at its indentation.
    /// </summary>
    private static (int Line, int Column) SearchStart(YamlScalarNode node, string text)
    {
        var line = (int)node.Start.Line;
        var column = (int)node.Start.Column;
        return node.Style switch
        {
            ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted => (line, column + 1),
            ScalarStyle.Literal or ScalarStyle.Folded => BlockTextStart(text, line),
            _ => (line, column),
        };
    }

    private static (int Line, int Column) BlockTextStart(string text, int indicatorLine)
    {
        var lines = text.Split('\n');
        for (var index = indicatorLine; index < lines.Length; index++)
        {
            var content = lines[index].TrimEnd('\r');
            if (content.Trim().Length > 0)
            {
                return (index + 1, content.Length - content.TrimStart().Length + 1);
            }
        }

        return (indicatorLine + 1, 1);
    }

    private static SearchScalarStyle StyleOf(YamlScalarNode node) => node.Style switch
    {
        ScalarStyle.SingleQuoted => SearchScalarStyle.SingleQuoted,
        ScalarStyle.DoubleQuoted => SearchScalarStyle.DoubleQuoted,
        ScalarStyle.Literal => SearchScalarStyle.Literal,
        ScalarStyle.Folded => SearchScalarStyle.Folded,
        _ => SearchScalarStyle.Plain,
    };
}
