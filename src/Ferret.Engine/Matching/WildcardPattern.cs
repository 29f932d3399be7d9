using System.Buffers;
using System.Text;

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

    /// <summary>How many searches for inner parts make building the vectorized finders worth it: patterns are also
    /// built on the fly (lookups, rename) and used once, where building them would cost more than it saves.</summary>
    private const int FindersAfterUses = 32;

    /// <summary>For each ASCII part, a vectorized case-insensitive finder, built once the pattern is used often: with
    /// invariant globalization a plain <c>IndexOf(..., OrdinalIgnoreCase)</c> compares character by character, and
    /// <c>*term*</c> searches over whole command lines are the hottest test of a hunt. Used only on ASCII text, where
    /// ignoring case means exactly folding A-Z, so the answer is the same.</summary>
    private SearchValues<string>?[]? _asciiFinders;
    private int _uses;

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

        bool? asciiText = null;
        var finders = _parts.Length > 2 ? Finders() : null;
        for (var i = 1; i < _parts.Length - 1; i++)
        {
            var part = _parts[i];
            if (part.Length == 0)
            {
                continue;
            }

            var rest = text[position..end];
            var found = finders?[i] is { } finder && (asciiText ??= Ascii.IsValid(text))
                ? rest.IndexOfAny(finder)
                : rest.IndexOf(part, StringComparison.OrdinalIgnoreCase);
            if (found < 0)
            {
                return false;
            }

            position += found + part.Length;
        }

        return true;
    }

    /// <summary>The finders once the pattern has been used <see cref="FindersAfterUses"/> times, else null. The count
    /// may race between threads; that only moves the moment the finders are built.</summary>
    private SearchValues<string>?[]? Finders()
    {
        if (Volatile.Read(ref _asciiFinders) is { } built)
        {
            return built;
        }

        if (++_uses < FindersAfterUses)
        {
            return null;
        }

        SearchValues<string>?[] finders = [.. _parts.Select(p => p.Length > 0 && Ascii.IsValid(p) ? SearchValues.Create([p], StringComparison.OrdinalIgnoreCase) : null)];
        return Interlocked.CompareExchange(ref _asciiFinders, finders, null) ?? finders;
    }

    public override string ToString() => Pattern;

    /// <summary>Case-sensitive glob match (lookups with <c>case_sensitive_match = true</c>).</summary>
    public static bool IsCaseSensitiveMatch(string pattern, string text)
    {
        var regex = "^" + string.Join(".*", pattern.Split('*').Select(System.Text.RegularExpressions.Regex.Escape)) + "$";
        return System.Text.RegularExpressions.Regex.IsMatch(text, regex, System.Text.RegularExpressions.RegexOptions.Singleline | System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
