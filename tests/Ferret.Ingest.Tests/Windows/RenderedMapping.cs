using Ferret.Events;
using Ferret.Ingest.Evtx;
using Ferret.Ingest.Windows;

namespace Ferret.Ingest.Tests.Windows;

/// <summary>Compares the fields an EVTX record gets from the binary XML walk (<see cref="EvtxRecord.MappedEvent"/>)
/// with those <see cref="WindowsEventMapper.FromXml(string)"/> gives for its rendered XML: names, order, values and kinds.</summary>
internal static class RenderedMapping
{
    /// <summary>Null when both give the same fields in the same order (or the walk left the record to the text path and
    /// the text path agrees with itself), else what differs.</summary>
    public static string? Difference(EvtxRecord record)
    {
        if (record.MappedEvent is not { } walked)
        {
            return null;
        }

        Event expected;
        try
        {
            expected = WindowsEventMapper.FromXml(record.Xml);
        }
        catch (Exception error) when (error is System.Xml.XmlException or FormatException)
        {
            return $"the walk mapped a record the text path rejects: {error.Message}";
        }

        var expectedLines = Lines(expected);
        var walkedLines = Lines(walked);
        if (expectedLines.SequenceEqual(walkedLines))
        {
            return null;
        }

        var first = Enumerable.Range(0, Math.Max(expectedLines.Count, walkedLines.Count))
            .First(i => i >= expectedLines.Count || i >= walkedLines.Count || expectedLines[i] != walkedLines[i]);
        return $"field {first}: text path [{At(expectedLines, first)}] vs walk [{At(walkedLines, first)}]";
    }

    private static string At(List<string> lines, int index) => index < lines.Count ? lines[index] : "(none)";

    private static List<string> Lines(Event e) =>
        [.. e.Fields.Select(field => $"{field.Key}={string.Join(" | ", field.Value.Values.Select(v => $"{v.Kind}:{v}"))}"
            .Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal))];
}
