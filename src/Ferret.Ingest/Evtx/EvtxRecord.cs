using Ferret.Events;

namespace Ferret.Ingest.Evtx;

/// <summary>
/// One event record of an EVTX file, rendered as Windows renders the event's XML
/// (<c>&lt;Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'&gt;&lt;System&gt;...</c>, one line
/// unless a value itself holds line breaks).
/// </summary>
public sealed partial class EvtxRecord
{
    public EvtxRecord(string file, int chunkIndex, ulong recordId, DateTimeOffset written, string xml)
    {
        File = file;
        ChunkIndex = chunkIndex;
        RecordId = recordId;
        Written = written;
        Xml = xml;
    }

    /// <summary>The path the record was read from.</summary>
    public string File { get; }

    /// <summary>Zero-based index of the 64 KiB chunk holding the record, in file order.</summary>
    public int ChunkIndex { get; }

    /// <summary>The record's EventRecordID as stored in its header.</summary>
    public ulong RecordId { get; }

    /// <summary>When the record was written to the log (its header's FILETIME), UTC.</summary>
    public DateTimeOffset Written { get; }

    public string Xml { get; }

    /// <summary>The record's fields, mapped from the binary XML walk that rendered <see cref="Xml"/> when the reader
    /// was asked to; null when it was not, or when the XML text must be mapped instead (see
    /// <c>WindowsEventMapper.TryFromRendered</c>).</summary>
    internal Event? MappedEvent { get; init; }

    public override string ToString() => Xml;
}
