using System.Text;
using System.Text.RegularExpressions;

namespace Ferret.Engine.Matching;

/// <summary>
/// Matches a bare search term or a quoted phrase against <c>_raw</c> as Splunk's index would: ignoring case,
/// where the term starts and ends at segment boundaries (a breaker or the edge of the text), so <c>evil</c>
/// matches <c>C:\evil.exe</c> but not <c>devil</c>. A <c>*</c> matches within a segment (not across major
/// breakers). Search Manual, "About segmentation"; Search Reference, "search command".
/// </summary>
public sealed class TermMatcher
{
    private readonly string _term;
    private readonly Regex? _wildcard;
    private readonly bool _needsLeftBoundary;
    private readonly bool _needsRightBoundary;

    public TermMatcher(string term)
    {
        _term = term;
        if (term.Contains('*', StringComparison.Ordinal))
        {
            _wildcard = BuildWildcardRegex(term);
        }

        _needsLeftBoundary = term.Length > 0 && !Segmenter.IsBreaker(term[0]);
        _needsRightBoundary = term.Length > 0 && !Segmenter.IsBreaker(term[^1]);
    }

    public string Term => _term;

    public bool MatchesEverything => _term.Length > 0 && _term.All(c => c == '*');

    public bool IsMatch(string? raw)
    {
        if (raw is null)
        {
            return false;
        }

        if (MatchesEverything)
        {
            return true;
        }

        if (_term.Length == 0)
        {
            return false;
        }

        if (_wildcard is not null)
        {
            return _wildcard.IsMatch(raw);
        }

        var start = 0;
        while (start <= raw.Length - _term.Length)
        {
            var found = raw.AsSpan(start).IndexOf(_term, StringComparison.OrdinalIgnoreCase);
            if (found < 0)
            {
                return false;
            }

            var at = start + found;
            var leftOk = !_needsLeftBoundary || at == 0 || Segmenter.IsBreaker(raw[at - 1]);
            var end = at + _term.Length;
            var rightOk = !_needsRightBoundary || end == raw.Length || Segmenter.IsBreaker(raw[end]);
            if (leftOk && rightOk)
            {
                return true;
            }

            start = at + 1;
        }

        return false;
    }

    private static Regex BuildWildcardRegex(string term)
    {
        var pattern = new StringBuilder();
        if (!term.StartsWith('*') && !Segmenter.IsBreaker(term[0]))
        {
            pattern.Append(@"(?<![^ \t\r\n\[\]<>(){}|!;,'""*&?+/:=@.\-$#%\\_])");
        }

        var parts = term.Split('*');
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0)
            {
                pattern.Append(@"[^ \t\r\n\[\]<>(){}|!;,'""&?+]*?");
            }

            pattern.Append(Regex.Escape(parts[i]));
        }

        if (!term.EndsWith('*') && !Segmenter.IsBreaker(term[^1]))
        {
            pattern.Append(@"(?![^ \t\r\n\[\]<>(){}|!;,'""*&?+/:=@.\-$#%\\_])");
        }

        return new Regex(pattern.ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
