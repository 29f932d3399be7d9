using System.Text;

namespace Ferret.Ingest.Evtx;

/// <summary>Where rendered text goes: element content escapes &amp; &lt; &gt;; attribute values (in double quotes) also ".</summary>
internal enum XmlEscaping
{
    Text,
    Attribute,
}

internal static class XmlEscaper
{
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
                '"' when escaping == XmlEscaping.Attribute => "&quot;",
                _ => null,
            };
            if (replacement is null)
            {
                continue;
            }

            builder.Append(text[start..i]).Append(replacement);
            start = i + 1;
        }

        builder.Append(text[start..]);
    }
}
