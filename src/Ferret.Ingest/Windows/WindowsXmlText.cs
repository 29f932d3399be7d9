using System.Text;

namespace Ferret.Ingest.Windows;

/// <summary>
/// Text as it stands inside Windows-rendered event XML. Splunk's Windows add-on extracts XmlWinEventLog
/// fields with regular expressions over <c>_raw</c>, so a field keeps the XML escapes of its text:
/// ESCU searches rely on it (e.g. "Windows Scheduled Tasks for CompMgmtLauncher or Eventvwr" matches
/// <c>TaskContent="*&amp;lt;Command&amp;gt;…"</c>, and "Impacket Lateral Movement Commandline Parameters" matches
/// both <c>2&gt;&amp;1</c> and <c>2&amp;gt;&amp;amp;1</c>). Windows escapes only <c>&amp;</c>, <c>&lt;</c> and
/// <c>&gt;</c> in element text; quotes stay literal.
/// </summary>
public static class WindowsXmlText
{
    /// <summary>Element text as Windows renders it.</summary>
    public static string EscapeText(string value)
    {
        if (value.AsSpan().IndexOfAny('&', '<', '>') < 0)
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 16);
        foreach (var c in value)
        {
            _ = c switch
            {
                '&' => builder.Append("&amp;"),
                '<' => builder.Append("&lt;"),
                '>' => builder.Append("&gt;"),
                _ => builder.Append(c),
            };
        }

        return builder.ToString();
    }

    /// <summary>An attribute value inside single quotes, as Windows renders attributes.</summary>
    public static string EscapeAttribute(string value)
    {
        var text = EscapeText(value);
        return text.Contains('\'', StringComparison.Ordinal) ? text.Replace("'", "&apos;", StringComparison.Ordinal) : text;
    }

    /// <summary>Decodes the five predefined XML entities and numeric character references (values that
    /// collectors such as NXLog copied out of the XML still escaped).</summary>
    public static string Unescape(string value)
    {
        var amp = value.IndexOf('&', StringComparison.Ordinal);
        if (amp < 0)
        {
            return value;
        }

        var builder = new StringBuilder(value.Length);
        builder.Append(value, 0, amp);
        var i = amp;
        while (i < value.Length)
        {
            var c = value[i];
            if (c == '&')
            {
                var semicolon = value.IndexOf(';', i + 1);
                if (semicolon > i && semicolon - i <= 10 && TryDecodeEntity(value.AsSpan(i + 1, semicolon - i - 1), builder))
                {
                    i = semicolon + 1;
                    continue;
                }
            }

            builder.Append(c);
            i++;
        }

        return builder.ToString();
    }

    private static bool TryDecodeEntity(ReadOnlySpan<char> name, StringBuilder builder)
    {
        switch (name)
        {
            case "amp": builder.Append('&'); return true;
            case "lt": builder.Append('<'); return true;
            case "gt": builder.Append('>'); return true;
            case "quot": builder.Append('"'); return true;
            case "apos": builder.Append('\''); return true;
        }

        if (name.Length > 1 && name[0] == '#')
        {
            var isHex = name[1] is 'x' or 'X';
            var digits = isHex ? name[2..] : name[1..];
            var style = isHex ? System.Globalization.NumberStyles.AllowHexSpecifier : System.Globalization.NumberStyles.None;
            if (int.TryParse(digits, style, System.Globalization.CultureInfo.InvariantCulture, out var code)
                && code is >= 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF))
            {
                builder.Append(char.ConvertFromUtf32(code));
                return true;
            }
        }

        return false;
    }
}
