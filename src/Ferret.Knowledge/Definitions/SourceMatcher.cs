using Ferret.Events;

namespace Ferret.Knowledge.Definitions;

/// <summary>
/// Which events a <see cref="SourceKnowledge"/> applies to: a <c>source</c> pattern and/or a
/// <c>sourcetype</c> pattern (props.conf <c>[source::...]</c> and <c>[sourcetype]</c> stanzas), both with
/// <c>*</c> wildcards, compared without regard to case because Windows channel names and sourcetypes
/// appear in both spellings (<c>XmlWinEventLog</c>, <c>xmlwineventlog</c>) in real data and content.
/// </summary>
public sealed record SourceMatcher(string? Source, string? SourceType)
{
    public bool Matches(string? source, string? sourceType) =>
        (Source is null || (source is not null && Glob.Matches(Source, source)))
        && (SourceType is null || (sourceType is not null && Glob.Matches(SourceType, sourceType)));

    public bool Matches(Event e) => Matches(e.Source, e.SourceType);

    public override string ToString() =>
        string.Join(' ', new[] { Source is null ? null : $"source={Source}", SourceType is null ? null : $"sourcetype={SourceType}" }
            .Where(part => part is not null));
}

/// <summary>Case-insensitive <c>*</c> wildcard matching, the only wildcard props.conf stanzas need here.</summary>
internal static class Glob
{
    public static bool Matches(string pattern, string text) => Matches(pattern.AsSpan(), text.AsSpan());

    private static bool Matches(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text)
    {
        var star = pattern.IndexOf('*');
        if (star < 0)
        {
            return pattern.Equals(text, StringComparison.OrdinalIgnoreCase);
        }

        var prefix = pattern[..star];
        if (!text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var rest = pattern[(star + 1)..];
        if (rest.IsEmpty)
        {
            return true;
        }

        for (var start = prefix.Length; start <= text.Length; start++)
        {
            if (Matches(rest, text[start..]))
            {
                return true;
            }
        }

        return false;
    }
}
