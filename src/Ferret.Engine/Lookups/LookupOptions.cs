namespace Ferret.Engine.Lookups;

/// <summary>
/// How a lookup table matches (transforms.conf in Splunk's Admin Manual): <c>case_sensitive_match</c> (default true),
/// <c>match_type = WILDCARD(field), CIDR(field)</c>, <c>max_matches</c> (default 1000 for a non-temporal lookup),
/// <c>min_matches</c> and <c>default_match</c> (rows filled with the default when fewer matched).
/// </summary>
public sealed record LookupOptions
{
    public bool CaseSensitive { get; init; } = true;

    public IReadOnlyList<string> WildcardFields { get; init; } = [];

    public IReadOnlyList<string> CidrFields { get; init; } = [];

    public int MaxMatches { get; init; } = 1000;

    public int MinMatches { get; init; }

    public string? DefaultMatch { get; init; }

    public static LookupOptions Default { get; } = new();

    /// <summary>Reads a <c>match_type</c> value such as <c>WILDCARD(process), CIDR(ip)</c>.</summary>
    public LookupOptions WithMatchType(string? matchType)
    {
        if (string.IsNullOrWhiteSpace(matchType))
        {
            return this;
        }

        var wildcard = new List<string>(WildcardFields);
        var cidr = new List<string>(CidrFields);
        foreach (var part in SplitTopLevel(matchType))
        {
            var open = part.IndexOf('(', StringComparison.Ordinal);
            var close = part.LastIndexOf(')');
            if (open <= 0 || close <= open)
            {
                continue;
            }

            var kind = part[..open].Trim();
            var field = part[(open + 1)..close].Trim();
            if (kind.Equals("WILDCARD", StringComparison.OrdinalIgnoreCase))
            {
                wildcard.Add(field);
            }
            else if (kind.Equals("CIDR", StringComparison.OrdinalIgnoreCase))
            {
                cidr.Add(field);
            }
        }

        return this with { WildcardFields = wildcard, CidrFields = cidr };
    }

    private static IEnumerable<string> SplitTopLevel(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] == '(' ? 1 : text[i] == ')' ? -1 : 0;
            if (text[i] == ',' && depth == 0)
            {
                yield return text[start..i];
                start = i + 1;
            }
        }

        yield return text[start..];
    }
}
