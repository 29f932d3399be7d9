using Ferret.Ingest.Tests.Evtx;

namespace Ferret.Fuzz;

/// <summary>EVTX files built on purpose to hurt the reader, generated here rather than shipped as binaries.</summary>
internal static class HostileEvtx
{
    /// <summary>Template n holds four instances of template n-1: a record of a few KB that would render 4^30 elements.</summary>
    public static byte[] NestedTemplates()
    {
        var writer = new EvtxChunkWriter { FirstRecordId = 1, LastRecordId = 1 };
        writer.Record(1, w =>
        {
            w.FragmentHeader();
            w.TemplateInstance(t => Level(t, 30));
            w.U8(0x00);
        });
        return EvtxChunkWriter.File(1, writer.ToChunk());
    }

    /// <summary>Three records; the header's free-space offset (checksums recomputed) ends after the first.</summary>
    public static byte[] LoweredFreeSpace()
    {
        var writer = new EvtxChunkWriter { FirstRecordId = 1, LastRecordId = 3 };
        var firstEnd = 0;
        for (ulong id = 1; id <= 3; id++)
        {
            writer.Record(id, w =>
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
            firstEnd = firstEnd == 0 ? writer.Position : firstEnd;
        }

        return EvtxChunkWriter.File(1, writer.ToChunk(freeSpace: firstEnd));
    }

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
