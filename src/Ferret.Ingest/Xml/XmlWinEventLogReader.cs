using System.Text;
using System.Xml;
using Ferret.Events;
using Ferret.Ingest.Sources;
using Ferret.Ingest.Windows;

namespace Ferret.Ingest.Xml;

/// <summary>
/// XmlWinEventLog text, as Splunk's Windows add-on indexes it and as splunk/attack_data ships it: one
/// <c>&lt;Event …&gt;…&lt;/Event&gt;</c> per event, on one line or several, possibly several on a line.
/// An event that is not closed before the next one starts, or whose XML is malformed, is reported with its starting
/// line and skipped; the last event of a file that was cut off is closed and kept, with a warning, as Splunk indexes it;
/// text between events is counted and reported once.
/// </summary>
internal static class XmlWinEventLogReader
{
    private const string EndTag = "</Event>";

    /// <summary>An event larger than this is surely a missing end tag; it is reported rather than buffered on.</summary>
    private const int MaxEventChars = 32 * 1024 * 1024;

    public static IEnumerable<Event> Read(TextReader text, SourceFile file)
    {
        var scanner = new LineScanner(text);
        StringBuilder? current = null;
        var startLine = 0;
        var lineNumber = 0;
        var strayLines = 0;
        var firstStrayLine = 0;
        while (scanner.TryReadLine(out var line))
        {
            lineNumber++;
            var position = 0;
            while (position < line.Length)
            {
                // Where a new <Event may start: after the current event's own start tag when it began on this line.
                var searchFrom = position;
                if (current is null)
                {
                    var start = FindEventStart(line, position);
                    if (start < 0)
                    {
                        if (!line.AsSpan(position).IsWhiteSpace() && strayLines++ == 0)
                        {
                            firstStrayLine = lineNumber;
                        }

                        break;
                    }

                    current = new StringBuilder();
                    startLine = lineNumber;
                    position = start;
                    searchFrom = start + 1;
                }

                var end = line.IndexOf(EndTag, position, StringComparison.Ordinal);
                var nextStart = FindEventStart(line, searchFrom);
                if (nextStart >= 0 && (end < 0 || nextStart < end))
                {
                    file.Report($"line {startLine}", "event is not closed (no </Event>) before the next <Event> starts; skipped");
                    current = null;
                    position = nextStart;
                    continue;
                }

                if (end >= 0)
                {
                    current.Append(line, position, end + EndTag.Length - position);
                    position = end + EndTag.Length;
                    var e = Map(current.ToString(), startLine, file);
                    current = null;
                    if (e is not null)
                    {
                        yield return file.Finish(e);
                    }

                    continue;
                }

                current.Append(line, position, line.Length - position);
                if (current.Length > MaxEventChars)
                {
                    file.Report($"line {startLine}", $"event is longer than {MaxEventChars} characters without </Event>; skipped");
                    current = null;
                }

                break;
            }
        }

        if (current is not null)
        {
            file.Report($"line {startLine}", "event is cut off at the end of the file (no </Event>); its fields before the cut are kept", ProblemSeverity.Warning);
            if (Map(TruncatedXml.Close(current.ToString()), startLine, file) is { } cut)
            {
                yield return file.Finish(cut);
            }
        }

        if (strayLines > 0)
        {
            file.Report($"line {firstStrayLine}", $"{strayLines} line(s) of text outside <Event> elements skipped", ProblemSeverity.Warning);
        }
    }

    private static Event? Map(string xml, int startLine, SourceFile file)
    {
        try
        {
            return WindowsEventMapper.FromXml(xml);
        }
        catch (XmlException error)
        {
            file.Report($"line {startLine + Math.Max(error.LineNumber, 1) - 1}", $"malformed event XML: {error.Message}");
        }
        catch (FormatException error)
        {
            file.Report($"line {startLine}", $"not a Windows event: {error.Message}");
        }

        return null;
    }

    /// <summary>The next <c>&lt;Event</c> start tag (not <c>&lt;EventData</c> or <c>&lt;EventID</c>).</summary>
    internal static int FindEventStart(string text, int from)
    {
        while (from < text.Length)
        {
            var index = text.IndexOf("<Event", from, StringComparison.Ordinal);
            if (index < 0)
            {
                return -1;
            }

            var after = index + 6;
            if (after >= text.Length || text[after] is ' ' or '>' or '\t' or '\r' or '\n' or '/')
            {
                return index;
            }

            from = after;
        }

        return -1;
    }
}
