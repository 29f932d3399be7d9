using System.Text;

namespace Ferret.Publishing.Conf;

/// <summary>
/// Writes Splunk .conf files (Splunk Admin Manual, "About configuration files" and "Configuration file
/// structure"): <c>[stanza]</c> headers, <c>key = value</c> lines, and a value that spans lines ends each
/// line but the last with a backslash. Values are trimmed, as contentctl's escapeNewlines does.
/// </summary>
public static class ConfWriter
{
    public static string Write(IEnumerable<ConfStanza> stanzas, string? header = null)
    {
        var builder = new StringBuilder();
        if (header is not null)
        {
            foreach (var line in header.Split('\n'))
            {
                builder.Append("# ").Append(line.TrimEnd()).Append('\n');
            }

            builder.Append('\n');
        }

        foreach (var stanza in stanzas)
        {
            builder.Append('[').Append(stanza.Name).Append("]\n");
            foreach (var (key, value) in stanza.Settings)
            {
                builder.Append(key).Append(" = ").Append(EscapeValue(value)).Append('\n');
            }

            builder.Append('\n');
        }

        return builder.ToString();
    }

    /// <summary>Line breaks become backslash-newline continuations; carriage returns are dropped.</summary>
    public static string EscapeValue(string value) =>
        value.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim().Replace("\n", "\\\n", StringComparison.Ordinal);

    /// <summary>What a value reads back as: trimmed, with normalized line breaks.</summary>
    public static string NormalizeValue(string value) =>
        value.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();
}
