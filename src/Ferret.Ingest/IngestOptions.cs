using Ferret.Events;

namespace Ferret.Ingest;

/// <summary>
/// How files become events. <see cref="SourceType"/> and <see cref="Source"/> force what Splunk's
/// <c>sourcetype</c>/<c>source</c> input settings would (e.g. the sourcetype an ESCU test names for its
/// attack data); left null, each file's format is sniffed and the fields are assigned as Splunk's add-ons do.
/// </summary>
public sealed record IngestOptions
{
    public string? SourceType { get; init; }

    public string? Source { get; init; }

    public string? Host { get; init; }

    public string Index { get; init; } = FieldNames.DefaultIndex;

    /// <summary>How many files are read at once; defaults to the processor count.</summary>
    public int? MaxParallelFiles { get; init; }

    /// <summary>Threads that decode the chunks of an EVTX file when it is the only input (chunks are independent; records
    /// still come out in file order). Null: one thread per core beyond the two that a hunt keeps busy (the reader and
    /// the detections), so none on a 2-core machine, at most four.</summary>
    public int? EvtxDecodingThreads { get; init; }

    /// <summary>The index-time rules of the loaded knowledge (event breaking, timestamps, sourcetype rewriting);
    /// without them text is read one event per line and events keep what their reader gave them.</summary>
    public Text.IIndexTimeRules? IndexTime { get; init; }

    /// <summary>The longest XML one EVTX record may render to (limits.conf <c>[ferret] evtx_max_rendered_chars</c>); a
    /// longer record is reported and skipped.</summary>
    public int EvtxMaxRenderedChars { get; init; } = Evtx.BinXmlRenderer.DefaultMaxRenderedChars;

    public static IngestOptions Default { get; } = new();

    /// <summary>What <see cref="EvtxDecodingThreads"/> comes to: 1 means the reading thread decodes alone.</summary>
    internal int ResolvedEvtxDecodingThreads => Math.Clamp(EvtxDecodingThreads ?? (Environment.ProcessorCount - 2), 1, 4);

    /// <summary>True when the user forced a sourcetype that is not Windows-shaped, so JSON lines are read generically.</summary>
    internal bool ForcesGenericJson =>
        SourceType is { Length: > 0 } forced && !Windows.WindowsEventMapper.IsWindowsSourceType(forced);
}
