using Ferret.Events;
using Ferret.Ingest.Evtx;
using Ferret.Ingest.Sources;

namespace Ferret.Ingest;

public static partial class InputReader
{
    /// <summary>
    /// Reads again the events of <paramref name="path"/> at <paramref name="positions"/> (<see cref="EventOrigin.Position"/>
    /// of events <see cref="Read"/> gave), made as <see cref="Read"/> made them with the same
    /// <paramref name="options"/>. An EVTX file is read by position (<see cref="EvtxFile.ReadAtPositions"/>: only the
    /// chunks and records wanted), unless <paramref name="inOrder"/> asks for a read in order, which counts exactly as
    /// the first read did even in a damaged file; other formats are read in order up to the last position wanted. A caller
    /// that reads the same files again and again gives an <paramref name="index"/> of their chunks. A position not found
    /// is absent from the answer; problems go to <paramref name="problems"/>.
    /// </summary>
    public static IReadOnlyDictionary<long, Event> Reread(string path, IReadOnlyCollection<long> positions, IngestOptions options, IProblemSink problems, bool inOrder = false, EvtxChunkIndex? index = null)
    {
        ArgumentNullException.ThrowIfNull(positions);
        var found = new Dictionary<long, Event>();
        if (positions.Count == 0)
        {
            return found;
        }

        if (!inOrder && IsEvtx(path))
        {
            var file = new SourceFile(path, options, problems);
            foreach (var (position, record) in EvtxFile.ReadAtPositions(path, positions, problems, options.EvtxMaxRenderedChars, index))
            {
                if (EvtxInput.ToEvent(record, file) is { } e)
                {
                    e.Origin = new EventOrigin(path, position);
                    found[position] = e;
                }
            }

            return found;
        }

        var wanted = positions.ToHashSet();
        var last = wanted.Max();
        foreach (var e in ReadFile(path, options, problems))
        {
            if (e.Origin is not { } origin || origin.Position > last)
            {
                break;
            }

            if (wanted.Contains(origin.Position))
            {
                found[origin.Position] = e;
            }
        }

        return found;
    }

    private static bool IsEvtx(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var prefix = new byte[FormatSniffer.PrefixLength];
            var length = stream.ReadAtLeast(prefix, prefix.Length, throwOnEndOfStream: false);
            return FormatSniffer.Sniff(prefix.AsSpan(0, length)) == InputFormat.Evtx;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // The read in order reports why the file cannot be opened.
            return false;
        }
    }
}
