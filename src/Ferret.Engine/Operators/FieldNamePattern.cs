using System.Text.RegularExpressions;

namespace Ferret.Engine.Operators;

/// <summary>A field name with <c>*</c> wildcards (rename, table, fields, foreach): case-sensitive, captures the wildcard parts.</summary>
public sealed class FieldNamePattern
{
    private readonly Regex? _regex;

    /// <summary>The text around the wildcard of a pattern with exactly one (<c>Processes.*</c>, the usual shape), matched
    /// without the regex: a rename or table visits every field of every event.</summary>
    private readonly string? _prefix;
    private readonly string? _suffix;

    public FieldNamePattern(string pattern)
    {
        Pattern = pattern;
        var star = pattern.IndexOf('*', StringComparison.Ordinal);
        if (star >= 0 && pattern.IndexOf('*', star + 1) < 0)
        {
            _prefix = pattern[..star];
            _suffix = pattern[(star + 1)..];
        }

        if (star >= 0)
        {
            _regex = new Regex("^" + string.Join("(.*?)", pattern.Split('*').Select(Regex.Escape)) + "$",
                RegexOptions.CultureInvariant | RegexOptions.Singleline);
        }
    }

    public string Pattern { get; }

    public bool HasWildcard => _regex is not null;

    public bool IsMatch(string name) =>
        _prefix is not null ? MatchesAround(name)
        : _regex?.IsMatch(name) ?? string.Equals(name, Pattern, StringComparison.Ordinal);

    /// <summary>The parts the wildcards matched, or null when <paramref name="name"/> does not match.</summary>
    public string[]? Captures(string name)
    {
        if (_regex is null)
        {
            return string.Equals(name, Pattern, StringComparison.Ordinal) ? [] : null;
        }

        if (_prefix is not null)
        {
            return MatchesAround(name) ? [name[_prefix.Length..^_suffix!.Length]] : null;
        }

        var match = _regex.Match(name);
        return match.Success ? match.Groups.Values.Skip(1).Select(g => g.Value).ToArray() : null;
    }

    /// <summary><paramref name="name"/> renamed to <paramref name="target"/> with its wildcard parts filled in, or null
    /// when it does not match. A single wildcard on both sides (<c>Processes.* AS *</c>) is cut straight out of the
    /// name, without an array of captures.</summary>
    public string? Rename(string name, string target)
    {
        if (_prefix is null)
        {
            return Captures(name) is { } captures ? Substitute(target, captures) : null;
        }

        if (!MatchesAround(name))
        {
            return null;
        }

        var star = target.IndexOf('*', StringComparison.Ordinal);
        if (star < 0)
        {
            return target;
        }

        if (target.IndexOf('*', star + 1) >= 0)
        {
            return Substitute(target, [name[_prefix.Length..^_suffix!.Length]]);
        }

        var captured = name.AsSpan(_prefix.Length, name.Length - _prefix.Length - _suffix!.Length);
        return star == 0 && target.Length == 1 ? captured.ToString() : string.Concat(target.AsSpan(0, star), captured, target.AsSpan(star + 1));
    }

    private bool MatchesAround(string name) =>
        name.Length >= _prefix!.Length + _suffix!.Length
        && name.StartsWith(_prefix, StringComparison.Ordinal)
        && name.EndsWith(_suffix, StringComparison.Ordinal);

    /// <summary>Fills the wildcards of <paramref name="target"/> with <paramref name="captures"/> in order.</summary>
    public static string Substitute(string target, string[] captures)
    {
        if (!target.Contains('*', StringComparison.Ordinal))
        {
            return target;
        }

        var star = target.IndexOf('*', StringComparison.Ordinal);
        if (target.IndexOf('*', star + 1) < 0)
        {
            // One wildcard (the usual "AS *"): no split, no builder.
            return string.Concat(target.AsSpan(0, star), captures.Length > 0 ? captures[0] : string.Empty, target.AsSpan(star + 1));
        }

        var parts = target.Split('*');
        var builder = new System.Text.StringBuilder(parts[0]);
        for (var i = 1; i < parts.Length; i++)
        {
            builder.Append(i - 1 < captures.Length ? captures[i - 1] : string.Empty).Append(parts[i]);
        }

        return builder.ToString();
    }
}
