using System.Text;
using System.Text.RegularExpressions;

namespace Ferret.Knowledge.Conf;

/// <summary>What a props.conf stanza names (props.conf spec, "[&lt;spec&gt;]"): every event, a sourcetype, a
/// source or a host.</summary>
public enum PropsStanzaKind
{
    Default,
    SourceType,
    Host,
    Source,
}

/// <summary>
/// A props.conf stanza header and the events it applies to (props.conf spec, "[&lt;spec&gt;]"): <c>[default]</c>,
/// <c>[&lt;sourcetype&gt;]</c>, <c>[host::&lt;pattern&gt;]</c> and <c>[source::&lt;pattern&gt;]</c>. In a pattern
/// <c>...</c> matches anything including path separators, <c>*</c> anything but a separator, <c>(a|b)</c> either;
/// a sourcetype stanza is a pattern only when written as one with the <c>(?::){0}</c> marker
/// (<c>[(?::){0}suricata:*]</c>), else it names one sourcetype. <c>rule::</c> and <c>delayedrule::</c> stanzas
/// (sourcetype learning) do not apply to events and are left out.
/// </summary>
public sealed class PropsStanzaPattern
{
    private const string PatternMarker = "(?::){0}";

    private readonly Regex? _pattern;
    private readonly string _literal;

    private PropsStanzaPattern(PropsStanzaKind kind, string literal, Regex? pattern)
    {
        Kind = kind;
        _literal = literal;
        _pattern = pattern;
    }

    public PropsStanzaKind Kind { get; }

    /// <summary>A literal stanza outranks a pattern of the same kind (props.conf spec, "precedence").</summary>
    public bool IsLiteral => _pattern is null;

    public static PropsStanzaPattern? Parse(string stanza)
    {
        if (stanza == ConfFile.DefaultStanza)
        {
            return new PropsStanzaPattern(PropsStanzaKind.Default, string.Empty, null);
        }

        if (stanza.StartsWith("rule::", StringComparison.Ordinal) || stanza.StartsWith("delayedrule::", StringComparison.Ordinal))
        {
            return null;
        }

        if (stanza.StartsWith("source::", StringComparison.Ordinal))
        {
            return Of(PropsStanzaKind.Source, stanza["source::".Length..]);
        }

        if (stanza.StartsWith("host::", StringComparison.Ordinal))
        {
            return Of(PropsStanzaKind.Host, stanza["host::".Length..]);
        }

        return stanza.StartsWith(PatternMarker, StringComparison.Ordinal)
            ? Of(PropsStanzaKind.SourceType, stanza[PatternMarker.Length..])
            : new PropsStanzaPattern(PropsStanzaKind.SourceType, stanza, null);
    }

    public bool Matches(string? source, string? sourceType, string? host) => Kind switch
    {
        PropsStanzaKind.Default => true,
        PropsStanzaKind.SourceType => Test(sourceType),
        PropsStanzaKind.Host => Test(host),
        _ => Test(source),
    };

    /// <summary>Compared without regard to case: sourcetypes and Windows paths appear in both spellings in real
    /// data and content (<c>XmlWinEventLog</c>, <c>xmlwineventlog</c>).</summary>
    private bool Test(string? value) =>
        value is not null && (_pattern?.IsMatch(value) ?? string.Equals(_literal, value, StringComparison.OrdinalIgnoreCase));

    private static PropsStanzaPattern Of(PropsStanzaKind kind, string pattern) =>
        pattern.AsSpan().IndexOfAny("*|(.[") < 0 || !HasWildcard(pattern)
            ? new PropsStanzaPattern(kind, pattern, null)
            : new PropsStanzaPattern(kind, pattern, ToRegex(pattern));

    private static bool HasWildcard(string pattern) =>
        pattern.Contains('*', StringComparison.Ordinal) || pattern.Contains("...", StringComparison.Ordinal)
        || pattern.Contains('|', StringComparison.Ordinal) || pattern.Contains('[', StringComparison.Ordinal);

    private static Regex ToRegex(string pattern)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '.' && string.CompareOrdinal(pattern, i, "...", 0, 3) == 0)
            {
                regex.Append(".*");
                i += 2;
            }
            else if (c == '*')
            {
                regex.Append(@"[^/\\]*");
            }
            else if (c is '(' or ')' or '|' or '[' or ']')
            {
                regex.Append(c);
            }
            else
            {
                regex.Append(Regex.Escape(c.ToString()));
            }
        }

        return new Regex(regex.Append('$').ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
