using System.Text.RegularExpressions;

namespace Ferret.Engine.Operators;

/// <summary>A field name with <c>*</c> wildcards (rename, table, fields, foreach): case-sensitive, captures the wildcard parts.</summary>
public sealed class FieldNamePattern
{
    private readonly Regex? _regex;

    public FieldNamePattern(string pattern)
    {
        Pattern = pattern;
        if (pattern.Contains('*', StringComparison.Ordinal))
        {
            _regex = new Regex("^" + string.Join("(.*?)", pattern.Split('*').Select(Regex.Escape)) + "$",
                RegexOptions.CultureInvariant | RegexOptions.Singleline);
        }
    }

    public string Pattern { get; }

    public bool HasWildcard => _regex is not null;

    public bool IsMatch(string name) => _regex?.IsMatch(name) ?? string.Equals(name, Pattern, StringComparison.Ordinal);

    /// <summary>The parts the wildcards matched, or null when <paramref name="name"/> does not match.</summary>
    public string[]? Captures(string name)
    {
        if (_regex is null)
        {
            return string.Equals(name, Pattern, StringComparison.Ordinal) ? [] : null;
        }

        var match = _regex.Match(name);
        return match.Success ? match.Groups.Values.Skip(1).Select(g => g.Value).ToArray() : null;
    }

    /// <summary>Fills the wildcards of <paramref name="target"/> with <paramref name="captures"/> in order.</summary>
    public static string Substitute(string target, string[] captures)
    {
        if (!target.Contains('*', StringComparison.Ordinal))
        {
            return target;
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
