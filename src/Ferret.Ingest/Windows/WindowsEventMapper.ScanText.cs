using System.Buffers;
using System.Globalization;
using System.Text;

namespace Ferret.Ingest.Windows;

/// <summary>The scanner's reading of text: references, content decoded as XmlReader would give it (then escaped
/// again as <see cref="WindowsXmlText.EscapeText"/> does, for field values), and field names shared between events.</summary>
public static partial class WindowsEventMapper
{
    private const int MaxSharedNames = 4096;
    private const int MaxKeptBuilderCapacity = 64 * 1024;

    private static readonly SearchValues<char> DecodeStops = SearchValues.Create("&<");
    private static readonly SearchValues<char> DecodeAndEscapeStops = SearchValues.Create("&<>");
    private static readonly SearchValues<char> EscapeStops = SearchValues.Create("&<>");

    [ThreadStatic]
    private static HashSet<string>? t_names;

    [ThreadStatic]
    private static StringBuilder? t_builder;

    [ThreadStatic]
    private static HashSet<string>? t_values;

    /// <summary>The longest value <see cref="SharedValue"/> keeps.</summary>
    private const int MaxSharedValueLength = 64;

    /// <summary>A reference at <paramref name="amp"/>: one of the five predefined entities or a character reference
    /// (<c>&amp;#NN;</c>, <c>&amp;#xHH;</c>) to a character XML allows or a C0 control (which Windows writes that way).</summary>
    private static bool TryReadReference(ReadOnlySpan<char> text, int amp, out int consumed, out int codePoint)
    {
        consumed = 0;
        codePoint = 0;
        var rest = text[(amp + 1)..];
        var semicolon = rest.IndexOf(';');
        if (semicolon <= 0 || semicolon > 10)
        {
            return false;
        }

        var name = rest[..semicolon];
        consumed = semicolon + 2;
        codePoint = name switch
        {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            _ => -1,
        };
        if (codePoint >= 0)
        {
            return true;
        }

        if (name.Length < 2 || name[0] != '#')
        {
            return false;
        }

        var parsed = name[1] == 'x'
            ? name.Length > 2 && int.TryParse(name[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out codePoint)
            : int.TryParse(name[1..], NumberStyles.None, CultureInfo.InvariantCulture, out codePoint);
        return parsed && codePoint is (>= 0x1 and <= 0xD7FF) or (>= 0xE000 and <= 0xFFFD) or (>= 0x10000 and <= 0x10FFFF);
    }

    /// <summary>The content of an element (text, references, CDATA) or an attribute value, as XmlReader gives it;
    /// with <paramref name="escape"/>, escaped again as Windows renders element text.</summary>
    private static string DecodeContent(string xml, Range range, bool escape)
    {
        var span = xml.AsSpan()[range];
        var stops = escape ? DecodeAndEscapeStops : DecodeStops;
        var next = span.IndexOfAny(stops);
        if (next < 0)
        {
            return span.Length == 0 ? string.Empty : xml[range];
        }

        var builder = t_builder ?? new StringBuilder(256);
        t_builder = null;
        var i = 0;
        while (next >= 0)
        {
            builder.Append(span.Slice(i, next));
            i += next;
            switch (span[i])
            {
                case '&':
                    _ = TryReadReference(span, i, out var consumed, out var codePoint);
                    AppendCodePoint(builder, codePoint, escape);
                    i += consumed;
                    break;
                case '<':
                    var contentStart = i + CDataStart.Length;
                    var length = span[contentStart..].IndexOf(CDataEnd);
                    AppendText(builder, span.Slice(contentStart, length), escape);
                    i = contentStart + length + CDataEnd.Length;
                    break;
                default:
                    builder.Append("&gt;");
                    i++;
                    break;
            }

            next = span[i..].IndexOfAny(stops);
        }

        builder.Append(span[i..]);
        var result = builder.ToString();
        if (builder.Capacity <= MaxKeptBuilderCapacity)
        {
            builder.Clear();
            t_builder = builder;
        }

        return result;
    }

    private static void AppendCodePoint(StringBuilder builder, int codePoint, bool escape)
    {
        if (codePoint > 0xFFFF)
        {
            Span<char> pair = stackalloc char[2];
            _ = new Rune(codePoint).EncodeToUtf16(pair);
            builder.Append(pair);
            return;
        }

        AppendText(builder, [(char)codePoint], escape);
    }

    /// <summary>Decoded text; escaped as <see cref="WindowsXmlText.EscapeText"/> does when asked.</summary>
    private static void AppendText(StringBuilder builder, ReadOnlySpan<char> text, bool escape)
    {
        if (!escape)
        {
            builder.Append(text);
            return;
        }

        var next = text.IndexOfAny(EscapeStops);
        while (next >= 0)
        {
            builder.Append(text[..next]);
            builder.Append(text[next] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                _ => "&gt;",
            });
            text = text[(next + 1)..];
            next = text.IndexOfAny(EscapeStops);
        }

        builder.Append(text);
    }

    /// <summary>A field name as a string, shared between events of the same thread (the same few hundred names recur).</summary>
    private static string InternName(ReadOnlySpan<char> name) => Share(t_names ??= new HashSet<string>(StringComparer.Ordinal), name);

    /// <summary>A short field value that recurs from event to event (a level, a channel, a computer name), shared
    /// between the events of this thread as <see cref="InternName"/> shares names.</summary>
    private static string SharedValue(ReadOnlySpan<char> value) =>
        value.Length > MaxSharedValueLength ? value.ToString() : Share(t_values ??= new HashSet<string>(StringComparer.Ordinal), value);

    /// <summary>The string of <paramref name="text"/> kept in <paramref name="kept"/>, added when new (at most
    /// <see cref="MaxSharedNames"/> are kept).</summary>
    private static string Share(HashSet<string> kept, ReadOnlySpan<char> text)
    {
        if (kept.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(text, out var known))
        {
            return known;
        }

        var created = text.ToString();
        if (kept.Count < MaxSharedNames)
        {
            kept.Add(created);
        }

        return created;
    }
}
