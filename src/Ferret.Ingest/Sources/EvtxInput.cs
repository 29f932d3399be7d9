using Ferret.Events;
using Ferret.Ingest.Evtx;
using Ferret.Ingest.Windows;

namespace Ferret.Ingest.Sources;

/// <summary>EVTX glue: the evtx reader renders each record's XML as Windows would and maps its fields in the same walk;
/// a record whose XML the walk does not map goes through the one mapper's text path.</summary>
internal static class EvtxInput
{
    public static IEnumerable<Event> Read(string path, SourceFile file)
    {
        foreach (var record in EvtxFile.ReadMappedRecords(path, file.Problems, file.Options.EvtxDecodingThreads ?? 1, file.Options.EvtxMaxRenderedChars))
        {
            if (ToEvent(record, file) is { } e)
            {
                yield return e;
            }
        }
    }

    /// <summary>The event of one record, or null (reported) when its XML is not a Windows event.</summary>
    public static Event? ToEvent(EvtxRecord record, SourceFile file)
    {
        Event e;
        try
        {
            e = record.MappedEvent ?? WindowsEventMapper.FromXml(record.Xml);
        }
        catch (Exception error) when (error is System.Xml.XmlException or FormatException)
        {
            file.Report($"chunk {record.ChunkIndex}, record {record.RecordId}", $"record XML is not a Windows event: {error.Message}");
            return null;
        }

        return file.Finish(e);
    }

    /// <summary>An EVTX member of an archive is copied to a temporary file first: the EVTX reader seeks.</summary>
    public static IEnumerable<Event> ReadStream(Stream stream, SourceFile file)
    {
        var temporary = Path.Combine(Path.GetTempPath(), "ferret-" + Guid.NewGuid().ToString("N") + ".evtx");
        try
        {
            using (var copy = File.Create(temporary))
            {
                stream.CopyTo(copy);
            }

            var renamed = file with { Problems = new RenamingProblemSink(file.Problems, temporary, file.DisplayName) };
            foreach (var e in Read(temporary, renamed))
            {
                yield return e;
            }
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
