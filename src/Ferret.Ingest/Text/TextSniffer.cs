using System.Text.RegularExpressions;

namespace Ferret.Ingest.Text;

/// <summary>The kinds of line-oriented text Ferret recognises by itself, each with the sourcetype Splunk's add-ons use for it.</summary>
public enum TextKind
{
    Plain,
    LinuxAudit,
    Syslog,
    Csv,
    KeyValue,
}

/// <summary>
/// Recognises a text log from its first lines, never its name (as <see cref="Sources.FormatSniffer"/> does for the
/// binary formats): Linux audit records (<c>type=X msg=audit(EPOCH:SERIAL):</c>), syslog (an RFC 5424 <c>&lt;PRI&gt;1</c>
/// header or a BSD <c>Mmm dd hh:mm:ss host</c> one), CSV whose first line is a header, key=value lines; else plain text.
/// </summary>
internal static partial class TextSniffer
{
    public static TextKind Sniff(IReadOnlyList<string> firstLines)
    {
        var lines = firstLines.Where(l => !string.IsNullOrWhiteSpace(l)).Take(10).ToList();
        if (lines.Count == 0)
        {
            return TextKind.Plain;
        }

        if (lines.All(l => AuditRecord().IsMatch(l)))
        {
            return TextKind.LinuxAudit;
        }

        if (lines.All(l => SyslogHeader().IsMatch(l)))
        {
            return TextKind.Syslog;
        }

        if (IsCsvWithHeader(lines))
        {
            return TextKind.Csv;
        }

        return lines.All(l => KeyValuePair().Count(l) >= 2) ? TextKind.KeyValue : TextKind.Plain;
    }

    /// <summary>The sourcetype Splunk gives such text: the Unix add-on's <c>linux:audit</c>, Splunk's own
    /// <c>syslog</c> and <c>csv</c> (pretrained sourcetypes), and Ferret's <c>kv</c> for key=value lines (plain text
    /// is read only under a sourcetype the user gives).</summary>
    public static string SourceTypeOf(TextKind kind) => kind switch
    {
        TextKind.LinuxAudit => "linux:audit",
        TextKind.Syslog => "syslog",
        TextKind.Csv => "csv",
        _ => "kv",
    };

    /// <summary>A header of names (no quotes needed, no key=value) and data lines most of which have as many columns.</summary>
    private static bool IsCsvWithHeader(List<string> lines)
    {
        if (lines.Count < 2)
        {
            return false;
        }

        var header = CsvLine.Split(lines[0]);
        if (header.Count < 2 || header.Any(name => !HeaderName().IsMatch(name)))
        {
            return false;
        }

        // Most rows, not all: a CSV with one short row is still CSV (the reader reports the row).
        var rows = lines.Skip(1).ToList();
        return rows.Count(l => CsvLine.Split(l).Count == header.Count) * 2 >= rows.Count;
    }

    [GeneratedRegex(@"^\s*(node=\S+\s+)?type=[A-Z_0-9]+\s+msg=audit\(\d+(\.\d+)?:\d+\)")]
    private static partial Regex AuditRecord();

    [GeneratedRegex(@"^\s*(\d+\s+)?(<\d{1,3}>\d?\s*\d{4}-\d\d-\d\dT|<\d{1,3}>[A-Z][a-z]{2}\s+\d{1,2}\s\d\d:\d\d:\d\d|[A-Z][a-z]{2}\s+\d{1,2}\s\d\d:\d\d:\d\d\s+\S+\s)")]
    private static partial Regex SyslogHeader();

    [GeneratedRegex(@"(?:^|\s)[A-Za-z_][\w.:-]*=(""[^""]*""|'[^']*'|\S+)")]
    private static partial Regex KeyValuePair();

    [GeneratedRegex(@"^\s*""?[A-Za-z_@][\w .:@/()-]*""?\s*$")]
    private static partial Regex HeaderName();
}
