using System.Text;

namespace Ferret.Ingest.Sources;

internal enum InputFormat
{
    Unknown,
    Empty,
    Evtx,
    XmlWinEventLog,
    JsonLines,
    Zip,
    Gzip,
    Tar,
    Text,
}

/// <summary>Recognises a file by its first bytes, never by its name: EVTX by its <c>ElfFile\0</c> magic,
/// archives by theirs, text by its first non-blank character (<c>&lt;Event</c> or <c>{</c>), any other text as
/// line-oriented text (its kind is sniffed by <see cref="Text.TextSniffer"/>).</summary>
internal static class FormatSniffer
{
    public const int PrefixLength = 4096;

    private static readonly byte[] EvtxMagic = "ElfFile\0"u8.ToArray();

    public static InputFormat Sniff(ReadOnlySpan<byte> prefix)
    {
        if (prefix.Length == 0)
        {
            return InputFormat.Empty;
        }

        if (prefix.StartsWith(EvtxMagic))
        {
            return InputFormat.Evtx;
        }

        if (prefix.StartsWith("PK\u0003\u0004"u8) || prefix.StartsWith("PK\u0005\u0006"u8))
        {
            return InputFormat.Zip;
        }

        if (prefix.Length >= 2 && prefix[0] == 0x1F && prefix[1] == 0x8B)
        {
            return InputFormat.Gzip;
        }

        if (prefix.Length >= 262 && prefix.Slice(257, 5).SequenceEqual("ustar"u8))
        {
            return InputFormat.Tar;
        }

        var text = Decode(prefix);
        var first = text.AsSpan().TrimStart();
        if (first.Length == 0)
        {
            return InputFormat.Empty;
        }

        if (first[0] == '{')
        {
            return InputFormat.JsonLines;
        }

        if (first[0] == '<' && text.Contains("<Event", StringComparison.Ordinal))
        {
            return InputFormat.XmlWinEventLog;
        }

        return IsText(text) ? InputFormat.Text : InputFormat.Unknown;
    }

    /// <summary>Text has no NUL and few other control characters or undecodable bytes (a binary file has many).</summary>
    private static bool IsText(string text)
    {
        var control = 0;
        foreach (var c in text)
        {
            if (c == '\0')
            {
                return false;
            }

            // U+FFFD: bytes that are not UTF-8 (or a character cut at the end of the sniffed prefix).
            if (c == '\uFFFD' || (char.IsControl(c) && c is not ('\r' or '\n' or '\t' or '\f')))
            {
                control++;
            }
        }

        return control * 100 < text.Length;
    }

    private static string Decode(ReadOnlySpan<byte> prefix)
    {
        if (prefix.StartsWith("\uFEFF"u8))
        {
            return Encoding.UTF8.GetString(prefix[3..]);
        }

        if (prefix.Length >= 2 && prefix[0] == 0xFF && prefix[1] == 0xFE)
        {
            return Encoding.Unicode.GetString(prefix[2..(prefix.Length & ~1)]);
        }

        return prefix.Length >= 2 && prefix[0] == 0xFE && prefix[1] == 0xFF
            ? Encoding.BigEndianUnicode.GetString(prefix[2..(prefix.Length & ~1)])
            : Encoding.UTF8.GetString(prefix);
    }
}
