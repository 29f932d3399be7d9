using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Ferret.Ingest.Windows;

/// <summary>
/// Renders <c>Message</c> for the few events whose rendered text ESCU detections read (WMI-Activity
/// 5857–5861, Service Control Manager 7036/7040/7045, Task Scheduler 106/140/141, Security 4698/4699,
/// PrintService 808), from the providers' message templates kept as data in <c>MessageTemplates.tsv</c>.
/// Windows fills <c>%n</c> with the n-th insertion string: the event's Data elements (or UserData leaves) in order.
/// </summary>
public static class MessageTemplates
{
    private static readonly Dictionary<(string Provider, string EventId), MessageTemplate> Templates = Load();

    public static int Count => Templates.Count;

    public static bool Has(string provider, string eventId) => Templates.ContainsKey((provider, eventId));

    /// <summary>The message, or null when no template is known for this provider and event ID.</summary>
    public static string? Render(string? provider, string? eventId, IReadOnlyList<string> insertions)
    {
        if (provider is null || eventId is null || !Templates.TryGetValue((provider, eventId), out var entry))
        {
            return null;
        }

        var template = entry.Text;
        var builder = new StringBuilder(template.Length + 64);
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (c == '%' && i + 1 < template.Length && char.IsAsciiDigit(template[i + 1]))
            {
                var end = i + 1;
                while (end < template.Length && end - i <= 2 && char.IsAsciiDigit(template[end]))
                {
                    end++;
                }

                var index = int.Parse(template.AsSpan(i + 1, end - i - 1), CultureInfo.InvariantCulture);
                if (index >= 1 && index <= insertions.Count)
                {
                    builder.Append(insertions[index - 1]);
                }

                i = end - 1;
                continue;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>
    /// For an event a collector kept only as a rendered message, the insertion strings recovered by matching the
    /// message against the template: <paramref name="root"/> is the UserData root element, or <c>EventData</c>
    /// when the names are Data names; each value is null when the template does not show that insertion.
    /// False when the template names no insertions or the message does not match it.
    /// </summary>
    public static bool TryRecoverInsertions(string? provider, string? eventId, string message,
        out string root, out List<KeyValuePair<string, string?>> values)
    {
        root = string.Empty;
        values = [];
        if (provider is null || eventId is null || !Templates.TryGetValue((provider, eventId), out var entry)
            || entry.Root is null || entry.Matcher.Match(message) is not { Success: true } match)
        {
            return false;
        }

        root = entry.Root;
        for (var i = 0; i < entry.Names.Count; i++)
        {
            var group = match.Groups["p" + (i + 1).ToString(CultureInfo.InvariantCulture)];
            values.Add(new(entry.Names[i], group.Success ? group.Value : null));
        }

        return true;
    }

    private static Dictionary<(string, string), MessageTemplate> Load()
    {
        var templates = new Dictionary<(string, string), MessageTemplate>();
        using var stream = typeof(MessageTemplates).Assembly.GetManifestResourceStream("Ferret.Ingest.Windows.MessageTemplates.tsv")
            ?? throw new InvalidOperationException("embedded resource MessageTemplates.tsv is missing from Ferret.Ingest");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var parts = line.Split('\t');
            if (parts.Length is not (3 or 4))
            {
                throw new InvalidOperationException($"MessageTemplates.tsv line {lineNumber}: expected provider, EventID, template and optional UserData names separated by tabs");
            }

            var text = parts[2].Replace("\\r", "\r", StringComparison.Ordinal)
                .Replace("\\n", "\n", StringComparison.Ordinal).Replace("\\t", "\t", StringComparison.Ordinal);
            string? root = null;
            string[] leaves = [];
            if (parts.Length == 4)
            {
                var colon = parts[3].IndexOf(':', StringComparison.Ordinal);
                root = parts[3][..colon];
                leaves = parts[3][(colon + 1)..].Split(',');
            }

            templates[(parts[0], parts[1])] = new MessageTemplate(text, root, leaves, MatcherFor(text));
        }

        return templates;
    }

    /// <summary>The template as a regular expression: literal text, and a lazy group per insertion (the last one takes the rest).</summary>
    private static Regex MatcherFor(string template)
    {
        var pattern = new StringBuilder("^");
        var pieces = Regex.Split(template, "%([0-9]{1,2})");
        var lastInsertion = pieces.Length - 2;
        for (var i = 0; i < pieces.Length; i++)
        {
            if (i % 2 == 0)
            {
                pattern.Append(Regex.Escape(pieces[i]));
            }
            else
            {
                pattern.Append("(?<p").Append(pieces[i]).Append('>').Append(i == lastInsertion ? ".*" : ".*?").Append(')');
            }
        }

        pattern.Append('$');
        return new Regex(pattern.ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    /// <summary>A template; <see cref="Root"/> and <see cref="Names"/> name its insertion strings when known.</summary>
    private sealed record MessageTemplate(string Text, string? Root, IReadOnlyList<string> Names, Regex Matcher);
}
