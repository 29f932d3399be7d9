using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using Ferret.Events;
using Ferret.Ingest.Json;
using Ferret.Ingest.Xml;

namespace Ferret.Ingest.Sources;

/// <summary>Reads one stream of any supported format, opening archives (zip, gzip, tar, nested) as it goes.</summary>
internal static class StreamReaders
{
    public static IEnumerable<Event> Read(Stream stream, SourceFile file)
    {
        var sniffed = PrefixedStream.Sniff(stream, out var prefix, out var length);
        var format = FormatSniffer.Sniff(prefix.AsSpan(0, length));
        return format switch
        {
            InputFormat.Evtx => EvtxInput.ReadStream(sniffed, file),
            InputFormat.XmlWinEventLog => ReadText(sniffed, file, XmlWinEventLogReader.Read),
            InputFormat.JsonLines => ReadText(sniffed, file, JsonLinesReader.Read),
            InputFormat.Text => ReadText(sniffed, file, Text.TextLogReader.Read),
            InputFormat.Zip => ReadZip(sniffed, file),
            InputFormat.Gzip => ReadGzip(sniffed, file),
            InputFormat.Tar => ReadTar(sniffed, file),
            InputFormat.Empty => Dispose(sniffed),
            _ => Unknown(sniffed, file),
        };
    }

    private static IEnumerable<Event> ReadText(Stream stream, SourceFile file, Func<TextReader, SourceFile, IEnumerable<Event>> reader)
    {
        using var text = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024);
        foreach (var e in reader(text, file))
        {
            yield return e;
        }
    }

    private static IEnumerable<Event> ReadZip(Stream stream, SourceFile file)
    {
        using var zip = new ZipArchive(Seekable(stream), ZipArchiveMode.Read);
        foreach (var entry in zip.Entries)
        {
            if (entry.FullName.EndsWith('/'))
            {
                continue;
            }

            var member = file with { DisplayName = file.DisplayName + ":" + entry.FullName };
            foreach (var e in Read(entry.Open(), member))
            {
                yield return e;
            }
        }
    }

    /// <summary>A gzip file keeps its own name as source (a tar inside names members <c>file.tar.gz:member</c>).
    /// .NET ends a truncated gzip stream without an error; the reader of the text inside reports the cut line.</summary>
    private static IEnumerable<Event> ReadGzip(Stream stream, SourceFile file) =>
        Read(new GZipStream(stream, CompressionMode.Decompress), file);

    /// <summary>Tar members stream one after the other (System.Formats.Tar; pax and GNU long names included).</summary>
    private static IEnumerable<Event> ReadTar(Stream stream, SourceFile file)
    {
        using var tar = new TarReader(stream);
        while (tar.GetNextEntry(copyData: false) is { } entry)
        {
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || entry.DataStream is null)
            {
                continue;
            }

            var member = file with { DisplayName = file.DisplayName + ":" + entry.Name };
            foreach (var e in Read(entry.DataStream, member))
            {
                yield return e;
            }
        }
    }

    private static IEnumerable<Event> Unknown(Stream stream, SourceFile file)
    {
        stream.Dispose();
        // A warning: the file is not broken input, just not a log Ferret reads (a README beside the logs).
        file.Report("start of file",
            "unknown format: binary, and not EVTX (ElfFile magic), zip, gzip or tar; skipped",
            ProblemSeverity.Warning);
        return [];
    }

    private static IEnumerable<Event> Dispose(Stream stream)
    {
        stream.Dispose();
        return [];
    }

    /// <summary>Zip needs to seek; a non-seekable member (a zip inside a tar) is copied to a temporary file.</summary>
    private static Stream Seekable(Stream stream)
    {
        if (stream.CanSeek)
        {
            return stream;
        }

        var temporary = Path.Combine(Path.GetTempPath(), "ferret-" + Guid.NewGuid().ToString("N") + ".zip");
        var copy = new FileStream(temporary, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        stream.CopyTo(copy);
        stream.Dispose();
        copy.Position = 0;
        return copy;
    }
}
