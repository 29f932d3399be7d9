using System.Net;
using System.Text.RegularExpressions;
using Ferret.Events;

namespace Ferret.Engine.Matching;

/// <summary>
/// The value forms of a <c>search</c> comparison that are not a plain wildcard pattern (Search Reference, "search
/// command"): <c>field=CASE(Value)</c> matches with case, <c>field=TERM(value)</c> matches the value as one term, and
/// an IPv4 or IPv6 CIDR value (<c>src=10.0.0.0/8</c>) matches every address in that subnet.
/// </summary>
public static class SearchValueForms
{
    /// <summary>A matcher over a field's values for a special value form, or null for a plain value.</summary>
    public static Func<FieldValue, bool>? TryCompile(string value)
    {
        if (Inner(value, "CASE(") is { } caseSensitive)
        {
            var regex = new Regex("^" + string.Join(".*", caseSensitive.Split('*').Select(Regex.Escape)) + "$",
                RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromSeconds(1));
            return values => values.Values.Any(v => regex.IsMatch(v.ToString()));
        }

        if (Inner(value, "TERM(") is { } term)
        {
            var pattern = new WildcardPattern(term);
            return values => values.Values.Any(v => pattern.IsMatch(v.ToString()));
        }

        if (value.Contains('/', StringComparison.Ordinal) && IPNetwork.TryParse(value, out var network))
        {
            var literal = new WildcardPattern(value);
            return values => values.Values.Any(v => literal.IsMatch(v.ToString())
                || (IPAddress.TryParse(v.ToString(), out var address) && address.AddressFamily == network.BaseAddress.AddressFamily
                    && network.Contains(address)));
        }

        return null;
    }

    private static string? Inner(string value, string prefix) =>
        value.Length > prefix.Length && value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && value.EndsWith(')')
            ? value[prefix.Length..^1]
            : null;
}
