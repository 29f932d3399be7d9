using Ferret.Content;
using Ferret.Detection.Compilation;
using Ferret.Engine.Lookups;
using Ferret.Ingest;

namespace Ferret.Detection.Hunting;

/// <summary>What to hunt with and over: the content (overrides applied), the detections chosen from it, the
/// input paths, and how to ingest them.</summary>
public sealed record HuntRequest
{
    public required ContentRepository Content { get; init; }

    public required IReadOnlyList<DetectionDefinition> Detections { get; init; }

    public required IReadOnlyList<string> Inputs { get; init; }

    /// <summary>Events to hunt over instead of reading <see cref="Inputs"/> (a server's store); null reads the inputs.
    /// The hunt normalizes each event in place (<see cref="Knowledge.KnowledgeBase.AccelerateOnce"/>): give it events
    /// nothing else holds, as the store's reads are.</summary>
    public IEnumerable<Ferret.Events.Event>? Events { get; init; }

    /// <summary>The detections already compiled (a server compiles once and hunts many times); null compiles
    /// <see cref="Detections"/> of <see cref="Content"/> for this hunt.</summary>
    public CompiledContent? Compiled { get; init; }

    public IngestOptions Ingest { get; init; } = new();

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    public ILookupResolver? Lookups { get; init; }

    /// <summary>The IP geolocation database iplocation reads (null: a detection using it fails with where Ferret looks).</summary>
    public Ferret.Engine.GeoIp.IGeoIpDatabase? GeoIp { get; init; }

    /// <summary>The limits every detection's run honours (docs/limits.md); the EVTX rendered-size limit applies to the inputs.</summary>
    public Ferret.Engine.Limits.SearchLimits Limits { get; init; } = Ferret.Engine.Limits.SearchLimits.Default;

    /// <summary>Told how far the hunt is (events read, detections run); called from several threads.</summary>
    public IProgress<HuntProgress>? Progress { get; init; }

    /// <summary>Only events at or after this time (epoch seconds) are hunted through.</summary>
    public double? Earliest { get; init; }

    /// <summary>Only events before this time (epoch seconds) are hunted through.</summary>
    public double? Latest { get; init; }

    /// <summary>The risk incident rules of the hunt's second stage (<see cref="RiskAlerting.RiskAlertingStage"/>): after the
    /// detections, their risk events feed the Risk data model, the selected Correlation detections run over them, then
    /// these rules (ES's defaults unless a user's thresholds made others). Null: no second stage, and Correlation
    /// detections read the given events like the others (a server whose store has <c>index=risk</c>).</summary>
    public IReadOnlyList<RiskAlerting.RiskIncidentRule>? RiskIncidentRules { get; init; } = RiskAlerting.RiskIncidentRules.Default;

    /// <summary>How many threads feed the events to the detections and then finish them (null: one per processor); 1
    /// runs every detection on the thread that reads and routes the events. The findings are the same either way.</summary>
    public int? Threads
    {
        get;
        init => field = value is null or >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "a hunt needs at least one thread");
    }

    /// <summary>How many events the routing thread gathers before handing them to the threads that feed the detections.</summary>
    internal int FeedBatchSize { get; init; } = 128;

    /// <summary>How many raw events at most are kept as the evidence of one finding.</summary>
    public int MaxEvidencePerFinding { get; init; } = 50;
}

/// <summary>A progress report: which stage, how much of it is done, and of how much (0 when unknown).</summary>
public sealed record HuntProgress(HuntStage Stage, long Done, long Total);

public enum HuntStage
{
    Compiling,
    Reading,
    Running,
}

/// <summary>A hunt's findings and its summary.</summary>
public sealed record HuntResult(IReadOnlyList<Finding> Findings, HuntSummary Summary);
