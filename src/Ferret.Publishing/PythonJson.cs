using System.Globalization;
using System.Text;

namespace Ferret.Publishing;

/// <summary>
/// JSON as contentctl's Jinja <c>tojson</c> writes it into .conf files: Python's <c>json.dumps</c> with sorted
/// keys, <c>", "</c> and <c>": "</c> separators, non-ASCII escaped, and <c>&lt; &gt; &amp; '</c> escaped
/// (Jinja's htmlsafe_json_dumps), so the values read the same as in ESCU's own app.
/// Accepts strings, integers, doubles, booleans, null, lists and key/value lists (dictionaries).
/// </summary>
public static class PythonJson
{
    public static string Serialize(object? value)
    {
        var builder = new StringBuilder();
        Write(builder, value);
        return builder.ToString();
    }

    private static void Write(StringBuilder builder, object? value)
    {
        switch (value)
        {
            case null:
                builder.Append("null");
                break;
            case string text:
                WriteString(builder, text);
                break;
            case bool flag:
                builder.Append(flag ? "true" : "false");
                break;
            case int or long:
                builder.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
            case double number:
                builder.Append(number.ToString("R", CultureInfo.InvariantCulture));
                break;
            case IEnumerable<KeyValuePair<string, object>> dictionary:
                WriteObject(builder, dictionary);
                break;
            case IEnumerable<KeyValuePair<string, string>> stringDictionary:
                WriteObject(builder, stringDictionary.Select(p => new KeyValuePair<string, object>(p.Key, p.Value)));
                break;
            case System.Collections.IEnumerable list:
                builder.Append('[');
                var first = true;
                foreach (var item in list)
                {
                    builder.Append(first ? string.Empty : ", ");
                    first = false;
                    Write(builder, item);
                }

                builder.Append(']');
                break;
            default:
                WriteString(builder, Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty);
                break;
        }
    }

    private static void WriteObject(StringBuilder builder, IEnumerable<KeyValuePair<string, object>> pairs)
    {
        builder.Append('{');
        var first = true;
        foreach (var (key, item) in pairs.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            builder.Append(first ? string.Empty : ", ");
            first = false;
            WriteString(builder, key);
            builder.Append(": ");
            Write(builder, item);
        }

        builder.Append('}');
    }

    private static void WriteString(StringBuilder builder, string text)
    {
        builder.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case '<' or '>' or '&' or '\'':
                case < ' ' or > '~':
                    builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        builder.Append('"');
    }
}
