namespace Ferret.Engine.Matching;

/// <summary>
/// A <c>search</c> value pattern: <c>*</c> matches any run of characters, everything else matches itself,
/// ignoring case. Splunk's <c>search</c> command compares field values this way (Search Reference,
/// "search command": "field values are case-insensitive" and "use the asterisk ( * ) as a wildcard").
/// </summary>
public sealed class WildcardPattern
{
    private readonly string[] _parts;
    private readonly bool _startsWithWildcard;
    private readonly bool _endsWithWildcard;

    public WildcardPattern(string pattern)
    {
        Pattern = pattern;
        HasWildcard = pattern.Contains('*', StringComparison.Ordinal);
        _parts = pattern.Split('*');
        _startsWithWildcard = pattern.StartsWith('*');
        _endsWithWildcard = pattern.EndsWith('*');
        MatchesEverything = HasWildcard && _parts.All(p => p.Length == 0);
    }

    public string Pattern { get; }

    public bool HasWildcard { get; }

    /// <summary>True for <c>*</c> (and <c>**</c>): matches any value that exists.</summary>
    public bool MatchesEverything { get; }

    public bool IsMatch(string text) => IsMatch(text.AsSpan());

    public bool IsMatch(ReadOnlySpan<char> text)
    {
        if (!HasWildcard)
        {
            return text.Equals(Pattern, StringComparison.OrdinalIgnoreCase);
        }

        if (MatchesEverything)
        {
            return true;
        }

        var first = _parts[0];
        if (!_startsWithWildcard && !text.StartsWith(first, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var last = _parts[^1];
        if (!_endsWithWildcard && !text.EndsWith(last, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var position = first.Length;
        var end = text.Length - last.Length;
        if (end < position)
        {
            return false;
        }

        for (var i = 1; i < _parts.Length - 1; i++)
        {
            var part = _parts[i];
            if (part.Length == 0)
            {
                continue;
            }

            var found = text[position..end].IndexOf(part, StringComparison.OrdinalIgnoreCase);
            if (found < 0)
            {
                return false;
            }

            position += found + part.Length;
        }

        return true;
    }

    public override string ToString() => Pattern;

    /// <summary>Case-sensitive glob match (lookups with <c>case_sensitive_match = true</c>).</summary>
    public static bool IsCaseSensitiveMatch(string pattern, string text)
    {
        var regex = "^" + string.Join(".*", pattern.Split('*').Select(System.Text.RegularExpressions.Regex.Escape)) + "$";
        return System.Text.RegularExpressions.Regex.IsMatch(text, regex, System.Text.RegularExpressions.RegexOptions.Singleline | System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
