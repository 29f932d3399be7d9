namespace Ferret.Ingest.Evtx;

/// <summary>
/// What the file header says, next to what is on disk. A "dirty" file (not closed cleanly by Windows) may hold
/// more chunks than its header counts; Ferret reads every chunk present.
/// </summary>
public sealed record EvtxFileInfo(
    string File,
    long Length,
    int HeaderChunkCount,
    int ChunksOnDisk,
    ulong NextRecordId,
    int MajorVersion,
    int MinorVersion,
    bool IsDirty,
    bool IsFull);
