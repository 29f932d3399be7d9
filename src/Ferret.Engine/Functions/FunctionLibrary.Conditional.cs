using System.Net;
using System.Text.RegularExpressions;
using Ferret.Engine.Values;

namespace Ferret.Engine.Functions;

public static partial class FunctionLibrary
{
    private const string Conditional = "Comparison and Conditional";

    private static void AddConditional(Register add)
    {
        add("true", (_, _) => Value.True);
        add("false", (_, _) => Value.False);
        add("null", (_, _) => Value.Null);
        add("nullif", (a, _) =>
            !a[0].IsNull && !a[1].IsNull && ValueComparer.ScalarEquals(a[0].First, a[1].First) ? Value.Null : a[0]);
        add("in", (a, _) =>
        {
            if (a[0].IsNull)
            {
                return Value.False;
            }

            for (var i = 1; i < a.Length; i++)
            {
                if (!a[i].IsNull && ValueComparer.ScalarEquals(a[0].First, a[i].First))
                {
                    return Value.True;
                }
            }

            return Value.False;
        });
        add("like", (a, rt) => Text(a[0]) is { } text && Text(a[1]) is { } pattern
            ? Value.Of(Like(text, pattern, rt))
            : Value.Null);
        add("match", (a, rt) =>
        {
            if (Text(a[0]) is not { } text || Text(a[1]) is not { } pattern || rt.GetRegex(pattern) is not { } regex)
            {
                return Value.Null;
            }

            return Value.Of(rt.IsMatch(regex, text));
        });
        add("cidrmatch", (a, _) => Text(a[0]) is { } cidr && Text(a[1]) is { } ip
            ? Value.Of(CidrMatch(cidr, ip))
            : Value.Null);
    }

    /// <summary>SQL LIKE as Splunk's <c>like()</c>: <c>%</c> any run, <c>_</c> one character; case-sensitive.</summary>
    public static bool Like(string text, string pattern, EvalRuntime runtime)
    {
        var regex = runtime.GetRegex(runtime.LikePattern(pattern), RegexOptions.Singleline);
        return regex is not null && runtime.IsMatch(regex, text);
    }

    public static string LikeToRegex(string pattern)
    {
        var builder = new System.Text.StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length && pattern[i + 1] is '%' or '_' or '\\')
            {
                builder.Append(Regex.Escape(pattern[i + 1].ToString()));
                i++;
            }
            else
            {
                builder.Append(c switch
                {
                    '%' => ".*",
                    '_' => ".",
                    _ => Regex.Escape(c.ToString()),
                });
            }
        }

        return builder.Append('$').ToString();
    }

    /// <summary>Whether <paramref name="ip"/> lies in <paramref name="cidr"/> (IPv4 or IPv6); a bare address matches itself.</summary>
    public static bool CidrMatch(string cidr, string ip)
    {
        var slash = cidr.IndexOf('/', StringComparison.Ordinal);
        var networkText = slash < 0 ? cidr : cidr[..slash];
        if (!IPAddress.TryParse(networkText.Trim(), out var network) || !IPAddress.TryParse(ip.Trim(), out var address))
        {
            return false;
        }

        if (network.AddressFamily != address.AddressFamily)
        {
            return false;
        }

        var networkBytes = network.GetAddressBytes();
        var addressBytes = address.GetAddressBytes();
        var prefix = networkBytes.Length * 8;
        if (slash >= 0 && (!int.TryParse(cidr.AsSpan(slash + 1), out prefix) || prefix < 0 || prefix > networkBytes.Length * 8))
        {
            return false;
        }

        for (var bit = 0; bit < prefix; bit++)
        {
            var mask = 0x80 >> (bit % 8);
            if ((networkBytes[bit / 8] & mask) != (addressBytes[bit / 8] & mask))
            {
                return false;
            }
        }

        return true;
    }
}
