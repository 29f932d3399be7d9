using System.Collections.Concurrent;
using Microsoft.Win32.SafeHandles;

namespace Ferret.Ingest.Evtx;

/// <summary>
/// How many records each chunk of the EVTX files read by position holds (by their headers), counted once per file for
/// a reader that reads the same files by position again and again (a hunt recalling the events its detections held),
/// so a read of a few records does not walk the headers of every chunk before them each time. A file whose length or
/// time of last write changed is counted again; a chunk that no longer holds what was counted makes the read count
/// again (<see cref="EvtxFile.ReadAtPositions"/>). Per run, thread-safe.
/// </summary>
public sealed class EvtxChunkIndex
{
    private readonly ConcurrentDictionary<string, Counted> _files = new(StringComparer.Ordinal);

    /// <summary>The records before each chunk of <paramref name="path"/> (one more entry than chunks: the last is the
    /// file's total), as <paramref name="count"/> gives them when the file is new or changed.</summary>
    internal long[] RecordsBefore(string path, SafeFileHandle handle, Func<long[]> count)
    {
        var stamp = (RandomAccess.GetLength(handle), File.GetLastWriteTimeUtc(path));
        if (_files.TryGetValue(path, out var known) && known.Stamp == stamp)
        {
            return known.Before;
        }

        var before = count();
        _files[path] = new Counted(stamp, before);
        return before;
    }

    /// <summary>Forgets what was counted of <paramref name="path"/>: its chunks no longer hold it.</summary>
    internal void Forget(string path) => _files.TryRemove(path, out _);

    private sealed record Counted((long Length, DateTime Written) Stamp, long[] Before);
}
