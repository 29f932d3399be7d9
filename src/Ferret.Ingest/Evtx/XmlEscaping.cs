using System.Text;

namespace Ferret.Ingest.Evtx;

/// <summary>Where rendered text goes: element content escapes &amp; &lt; &gt;; attribute values (in single quotes, as Windows writes them) also '.</summary>
internal enum XmlEscaping
{
    Text,
    Attribute,
}

/// <summary>
/// Escapes text for XML. Control characters XML 1.0 forbids raw (U+0001-U+001F but tab, line feed, carriage
/// return) are written as character references, so lenient readers (CheckCharacters = false) still parse the event.
/// </summary>
internal static class XmlEscaper
{
    private const string ControlCharacter = "control";

    public static void Append(StringBuilder builder, ReadOnlySpan<char> text, XmlEscaping escaping)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var replacement = text[i] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '\'' when escaping == XmlEscaping.Attribute => "&apos;",
                < ' ' and not ('\t' or '\n' or '\r') => ControlCharacter,
                _ => null,
            };
            if (replacement is null)
            {
                continue;
            }

            builder.Append(text[start..i]);
            if (ReferenceEquals(replacement, ControlCharacter))
            {
                builder.Append("&#").Append((int)text[i]).Append(';');
            }
            else
            {
                builder.Append(replacement);
            }

            start = i + 1;
        }

        builder.Append(text[start..]);
    }
}
