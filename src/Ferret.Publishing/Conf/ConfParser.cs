using Ferret.Events;

namespace Ferret.Publishing.Conf;

/// <summary>
/// Reads Splunk .conf text: <c>#</c> comment lines, <c>[stanza]</c> headers, <c>key = value</c> settings (key
/// and value trimmed), and continuation lines after a line that ends with a backslash, whose line break is
/// kept in the value (Splunk Admin Manual, "Configuration file structure"). Settings before any stanza belong
/// to the <c>default</c> stanza. A line that is none of these is reported with its line number and skipped.
/// </summary>
public static class ConfParser
{
    public static IReadOnlyList<ConfStanza> Parse(string text, string fileName, IProblemSink problems)
    {
        var stanzas = new List<ConfStanza>();
        var name = "default";
        var settings = new List<KeyValuePair<string, string>>();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index];
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed[0] == '#')
            {
                continue;
            }

            if (trimmed[0] == '[' && trimmed[^1] == ']')
            {
                Flush();
                name = trimmed[1..^1];
                settings = [];
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                problems.Report(new InputProblem(fileName, $"line {index + 1}", $"neither a [stanza], a comment nor key = value: '{Shorten(trimmed)}'"));
                continue;
            }

            var key = line[..equals].Trim();
            var value = line[(equals + 1)..];
            while (value.EndsWith('\\') && index + 1 < lines.Length)
            {
                index++;
                value = value[..^1] + "\n" + lines[index];
            }

            settings.Add(new(key, value.Trim()));
        }

        Flush();
        return stanzas;

        void Flush()
        {
            if (settings.Count > 0 || name != "default")
            {
                stanzas.Add(new ConfStanza(name, settings));
            }
        }
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "...";
}
