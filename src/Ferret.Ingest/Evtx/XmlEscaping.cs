using System.Buffers;
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

    /// <summary>Characters that need a look in element text: markup, and the control characters written as references.</summary>
    private static readonly SearchValues<char> TextStops = SearchValues.Create(
        "&<>\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F"
        + "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F");

    /// <summary>As <see cref="TextStops"/>, and the quote that closes an attribute value.</summary>
    private static readonly SearchValues<char> AttributeStops = SearchValues.Create(
        "&<>'\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F"
        + "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F");

    public static void Append(StringBuilder builder, ReadOnlySpan<char> text, XmlEscaping escaping)
    {
        // Most values need no escape at all: one vectorized search finds that out.
        var first = text.IndexOfAny(escaping == XmlEscaping.Attribute ? AttributeStops : TextStops);
        if (first < 0)
        {
            builder.Append(text);
            return;
        }

        builder.Append(text[..first]);
        text = text[first..];
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
