using Ferret.Ingest.Tests.Evtx;

namespace Ferret.Ingest.Tests.Hostile;

/// <summary>EVTX files built on purpose to hurt the reader, generated rather than shipped as binaries (also linked
/// into tests/Ferret.Fuzz as seeds and regression inputs).</summary>
internal static class HostileEvtx
{
    /// <summary>The free-space offset <see cref="LoweredFreeSpace"/> writes: where its first record ends.</summary>
    public static int LoweredFreeSpaceOffset { get; private set; }

    /// <summary>
    /// Record 1 is a "billion laughs" in binary XML: template n holds four instances of template n-1 (the first defines
    /// it inline), template 0 an element with text, so a record of a few KB would render 4^30 elements. Record 2 is a
    /// plain <c>&lt;Event&gt;record 2&lt;/Event&gt;</c>.
    /// </summary>
    public static byte[] NestedTemplates()
    {
        var writer = new EvtxChunkWriter { FirstRecordId = 1, LastRecordId = 2 };
        writer.Record(1, w =>
        {
            w.FragmentHeader();
            w.TemplateInstance(t => Level(t, 30));
            w.U8(0x00);
        });
        PlainRecord(writer, 2);
        return EvtxChunkWriter.File(1, writer.ToChunk());
    }

    /// <summary>Three plain records; the header's free-space offset (checksums recomputed) ends after the first.</summary>
    public static byte[] LoweredFreeSpace()
    {
        var writer = new EvtxChunkWriter { FirstRecordId = 1, LastRecordId = 3 };
        PlainRecord(writer, 1);
        var firstEnd = writer.Position;
        PlainRecord(writer, 2);
        PlainRecord(writer, 3);
        LoweredFreeSpaceOffset = firstEnd;
        return EvtxChunkWriter.File(1, writer.ToChunk(freeSpace: firstEnd));
    }

    private static void PlainRecord(EvtxChunkWriter writer, ulong id) => writer.Record(id, w =>
    {
        w.FragmentHeader();
        w.TemplateInstance(t =>
        {
            t.OpenElement("Event", withAttributes: false);
            t.U8(0x02);
            t.Text($"record {id}");
            t.U8(0x04);
        });
        w.U8(0x00);
    });

    private static void Level(EvtxChunkWriter w, int depth)
    {
        if (depth == 0)
        {
            w.OpenElement("Data", withAttributes: false);
            w.U8(0x02);
            w.Text("laugh");
            w.U8(0x04);
            return;
        }

        var inner = w.TemplateInstance(t => Level(t, depth - 1));
        for (var i = 1; i < 4; i++)
        {
            w.TemplateReference(inner);
        }
    }
}
