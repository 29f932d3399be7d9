using Ferret.Events;
using Ferret.Ingest.Sources;

namespace Ferret.Ingest.Text;

/// <summary>
/// Any line-oriented text log: its kind is sniffed from the first lines (<see cref="TextSniffer"/>; plain text of no
/// recognised kind is read only when a sourcetype is given, else reported as an unknown format), it is broken
/// into events by its sourcetype's rules (<see cref="IIndexTimeRules.BreakingFor"/>; one event per line without
/// knowledge), and CSV with a header gets the header's names as fields (Splunk's INDEXED_EXTRACTIONS=csv). The text
/// is streamed: only the sniffing window and the event being built are held.
/// </summary>
internal static class TextLogReader
{
    private const int SniffChars = 16 * 1024;

    public static IEnumerable<Event> Read(TextReader text, SourceFile file)
    {
        var window = new char[SniffChars];
        var length = text.ReadBlock(window, 0, window.Length);
        var prefix = new string(window, 0, length);
        var kind = TextSniffer.Sniff(prefix.Split('\n'));
        if (kind == TextKind.Plain && file.Options.SourceType is not { Length: > 0 })
        {
            // A warning: prose beside the logs (a README, a licence) is not broken input; with a sourcetype it is read.
            file.Report("start of file", "unknown format: text that is not a recognised log (auditd, syslog, CSV, key=value); give --sourcetype to read it line by line; skipped", ProblemSeverity.Warning);
            yield break;
        }

        var sourceType = file.Options.SourceType is { Length: > 0 } forced ? forced : TextSniffer.SourceTypeOf(kind);
        var source = file.Options.Source is { Length: > 0 } named ? named : file.DisplayName;
        var rules = file.Options.IndexTime?.BreakingFor(source, sourceType) ?? TextBreaking.LinePerEvent;
        // A sniffed header counts only when the user named no sourcetype; a named one says itself (INDEXED_EXTRACTIONS).
        var csv = rules.IndexedExtractions == "csv" || (kind == TextKind.Csv && file.Options.SourceType is not { Length: > 0 });
        List<string>? header = null;
        var host = Environment.MachineName;
        foreach (var (raw, line) in new TextEventBreaker(new ChainedTextReader(prefix, text), rules).Events())
        {
            var e = new Event(8) { Raw = raw, Source = file.DisplayName, SourceType = sourceType, Host = host };
            if (csv)
            {
                if (header is null)
                {
                    header = CsvLine.Split(raw);
                    continue;
                }

                if (!AddColumns(e, header, CsvLine.Split(raw)))
                {
                    file.Report($"line {line}", $"CSV row has a different number of columns than the header ({header.Count}); kept as text");
                }
            }

            yield return file.Finish(e);
        }
    }

    private static bool AddColumns(Event e, List<string> header, List<string> values)
    {
        for (var i = 0; i < Math.Min(header.Count, values.Count); i++)
        {
            if (values[i].Length > 0 && header[i].Trim() is { Length: > 0 } name)
            {
                e.Set(name, values[i]);
            }
        }

        return header.Count == values.Count;
    }

    /// <summary>The sniffed window first, then the rest of the reader.</summary>
    private sealed class ChainedTextReader(string first, TextReader rest) : TextReader
    {
        private int _position;

        public override int Read(char[] buffer, int index, int count)
        {
            if (_position < first.Length)
            {
                var n = Math.Min(count, first.Length - _position);
                first.CopyTo(_position, buffer, index, n);
                _position += n;
                return n;
            }

            return rest.Read(buffer, index, count);
        }
    }
}
