using System.Text;
using Ferret.Events;

namespace Ferret.Testing;

/// <summary>An event as the golden files show it: sorted <c>name=value</c> lines, one per value, with CR, LF, TAB and
/// backslash escaped; <c>_raw</c> is left out, and the fields <paramref name="keep"/> refuses.</summary>
internal static class FieldLines
{
    public static string Describe(Event e, Func<string, bool>? keep = null)
    {
        var builder = new StringBuilder();
        foreach (var (name, value) in e.Fields.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            if (name == FieldNames.Raw || (keep is not null && !keep(name)))
            {
                continue;
            }

            foreach (var scalar in value.Values)
            {
                builder.Append(name).Append('=').Append(Escape(scalar.ToString())).Append('\n');
            }
        }

        return builder.ToString();
    }

    private static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal);
}
