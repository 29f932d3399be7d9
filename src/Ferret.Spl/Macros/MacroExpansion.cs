using Ferret.Spl.Diagnostics;

namespace Ferret.Spl.Macros;

/// <summary>The result of expanding macros: the expanded text, problems found (spans in the original text), and a map
/// from offsets in the expanded text back to the original, so a parse error inside a macro's expansion points at the
/// macro call the user wrote.</summary>
public sealed class MacroExpansion
{
    private readonly IReadOnlyList<ExpansionSegment> segments;

    internal MacroExpansion(string original, string text, IReadOnlyList<Diagnostic> diagnostics, IReadOnlyList<ExpansionSegment> segments,
        IReadOnlyList<string> usedMacros)
    {
        Original = original;
        Text = text;
        Diagnostics = diagnostics;
        UsedMacros = usedMacros;
        this.segments = segments;
    }

    public string Original { get; }

    public string Text { get; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>The keys (<c>name</c> or <c>name(N)</c>) of every macro expanded, outer and nested, first use first.</summary>
    public IReadOnlyList<string> UsedMacros { get; }

    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    /// <summary>The offset in the original text that produced <paramref name="expandedOffset"/>: the same character for
    /// text outside macros, the start of the macro call for text a macro produced.</summary>
    public int MapToOriginal(int expandedOffset) => Map(expandedOffset, atEnd: false);

    /// <summary>A span of the expanded text mapped to the original; a span inside a macro's text covers the whole call.</summary>
    public TextSpan MapToOriginal(TextSpan expandedSpan)
    {
        var start = Map(expandedSpan.Start, atEnd: false);
        var end = Map(expandedSpan.End, atEnd: expandedSpan.Length > 0);
        return TextSpan.FromBounds(start, Math.Max(start, end));
    }

    /// <summary>Diagnostics of the expanded text (e.g. from the parser) with their spans mapped to the original.</summary>
    public IEnumerable<Diagnostic> MapToOriginal(IEnumerable<Diagnostic> expandedDiagnostics) =>
        expandedDiagnostics.Select(d => d.WithSpan(MapToOriginal(d.Span)));

    private int Map(int offset, bool atEnd)
    {
        if (segments.Count == 0)
        {
            return Math.Clamp(offset, 0, Original.Length);
        }

        var low = 0;
        var high = segments.Count - 1;
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            var startsAt = segments[middle].ExpandedStart;
            if (startsAt < offset || (startsAt == offset && !atEnd))
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        var segment = segments[low];
        if (segment.IsVerbatim)
        {
            return Math.Clamp(segment.OriginalStart + (offset - segment.ExpandedStart), segment.OriginalStart,
                segment.OriginalStart + segment.OriginalLength);
        }

        return atEnd || offset >= segment.ExpandedStart + segment.ExpandedLength
            ? segment.OriginalStart + segment.OriginalLength
            : segment.OriginalStart;
    }
}

/// <summary>A run of the expanded text: copied verbatim from the original, or produced by one top-level macro call.</summary>
internal readonly record struct ExpansionSegment(int ExpandedStart, int ExpandedLength, int OriginalStart, int OriginalLength, bool IsVerbatim);
