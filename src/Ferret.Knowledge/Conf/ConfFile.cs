using Ferret.Knowledge.Loading;

namespace Ferret.Knowledge.Conf;

/// <summary>A setting of a .conf stanza, with where it was written (for problems and for precedence).</summary>
public sealed record ConfSetting(string Key, string Value, string File, int Line);

/// <summary>A <c>[stanza]</c> of a .conf file: its name and its settings in file order (a key given twice keeps the last).</summary>
public sealed class ConfStanza(string name, string file, int line)
{
    private readonly Dictionary<string, ConfSetting> _settings = new(StringComparer.Ordinal);

    public string Name { get; } = name;

    public string File { get; } = file;

    public int Line { get; } = line;

    public IEnumerable<ConfSetting> Settings => _settings.Values;

    public string? this[string key] => _settings.TryGetValue(key, out var setting) ? setting.Value : null;

    public ConfSetting? Setting(string key) => _settings.GetValueOrDefault(key);

    public void Set(ConfSetting setting) => _settings[setting.Key] = setting;
}

/// <summary>
/// Reads Splunk's .conf format (Admin Manual, "About configuration files" and "Configuration file structure"):
/// <c>[stanza]</c> headers, <c>key = value</c> settings, <c>#</c> comment lines, a value continued on the next line
/// when its line ends with a backslash (the line break is kept), settings before the first stanza in
/// <c>[default]</c>. A line that is none of these is reported with file:line and the rest of the file still loads.
/// </summary>
public static class ConfFile
{
    public const string DefaultStanza = "default";

    public static IReadOnlyList<ConfStanza> Parse(string fileName, string text, ICollection<KnowledgeProblem> problems)
    {
        var stanzas = new List<ConfStanza>();
        var current = new ConfStanza(DefaultStanza, fileName, 1);
        stanzas.Add(current);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var lineNumber = i + 1;
            var line = lines[i].Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (line[0] == '[')
            {
                var close = line.LastIndexOf(']');
                if (close < 0)
                {
                    problems.Add(new KnowledgeProblem(fileName, lineNumber, 1, $"stanza header '{line}' has no closing ']'; its settings go to the stanza before"));
                    continue;
                }

                current = new ConfStanza(line[1..close], fileName, lineNumber);
                stanzas.Add(current);
                continue;
            }

            var equals = line.IndexOf('=');
            if (equals <= 0)
            {
                problems.Add(new KnowledgeProblem(fileName, lineNumber, 1, $"'{Shorten(line)}' is neither a [stanza], a key = value setting nor a # comment; ignored"));
                continue;
            }

            var key = line[..equals].Trim();
            var value = line[(equals + 1)..].Trim();
            while (value.EndsWith('\\') && i + 1 < lines.Length)
            {
                // A continuation line keeps its leading whitespace: it is part of the value (a search's indentation,
                // a regex's spaces); only the value as a whole is trimmed.
                i++;
                value = value[..^1] + "\n" + lines[i].TrimEnd();
            }

            current.Set(new ConfSetting(key, value.Trim(), fileName, lineNumber));
        }

        return stanzas;
    }

    private static string Shorten(string line) => line.Length <= 60 ? line : line[..60] + "...";
}
