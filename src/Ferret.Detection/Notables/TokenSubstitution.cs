using System.Text;
using Ferret.Content;
using Ferret.Events;

namespace Ferret.Detection.Notables;

/// <summary>
/// Fills the tokens Enterprise Security fills when it turns a result row into a notable or risk event:
/// <c>$field$</c> takes the row's value of that field (Splunk ES "Use tokens in notable event titles and
/// descriptions"), <c>%name%</c>-style tokens take the detection's own attributes (as ESCU's
/// <c>rule_title = %name%</c> does). A multivalue field gives its values joined by a comma; a field the row
/// does not have gives an empty string, as ES renders it. <c>$$</c> stays a literal dollar sign.
/// </summary>
public static class TokenSubstitution
{
    /// <summary>Replaces every <c>$field$</c> with the row's value; <paramref name="extra"/> answers tokens
    /// that are not row fields (e.g. <c>info_min_time</c>) first.</summary>
    public static string FillFieldTokens(string text, Event row, IReadOnlyDictionary<string, string>? extra = null)
    {
        if (text.IndexOf('$', StringComparison.Ordinal) < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 32);
        var position = 0;
        while (position < text.Length)
        {
            var open = text.IndexOf('$', position);
            if (open < 0)
            {
                builder.Append(text, position, text.Length - position);
                break;
            }

            builder.Append(text, position, open - position);
            var close = text.IndexOf('$', open + 1);
            if (close < 0)
            {
                builder.Append(text, open, text.Length - open);
                break;
            }

            var name = text.Substring(open + 1, close - open - 1);
            if (name.Length == 0)
            {
                builder.Append('$');
                position = close + 1;
            }
            else if (!IsTokenName(name))
            {
                // Not a token (e.g. "$5 $ fee"): keep the first dollar and look again from the second.
                builder.Append('$');
                position = open + 1;
            }
            else
            {
                builder.Append(extra is not null && extra.TryGetValue(name, out var value) ? value : RowValue(row, name));
                position = close + 1;
            }
        }

        return builder.ToString();
    }

    /// <summary>Replaces <c>%name%</c>, <c>%description%</c> and the other detection attributes ES knows.</summary>
    public static string FillDetectionTokens(string text, DetectionDefinition detection, string? originalSearch = null)
    {
        if (text.IndexOf('%', StringComparison.Ordinal) < 0)
        {
            return text;
        }

        return text
            .Replace("%name%", detection.Name, StringComparison.Ordinal)
            .Replace("%description%", detection.Description.Trim(), StringComparison.Ordinal)
            .Replace("%original_detection_search%", originalSearch ?? detection.Search.Trim(), StringComparison.Ordinal)
            .Replace("%security_domain%", detection.Tags.SecurityDomain, StringComparison.Ordinal);
    }

    /// <summary>A row's field as token text: values joined by a comma, empty when missing.</summary>
    public static string RowValue(Event row, string field)
    {
        var value = row[field];
        return value.IsNull ? string.Empty : string.Join(',', value.Texts);
    }

    private static bool IsTokenName(string name)
    {
        foreach (var c in name)
        {
            if (!(char.IsLetterOrDigit(c) || c is '_' or '.' or '-' or ':' or '@'))
            {
                return false;
            }
        }

        return true;
    }
}
