using Ferret.Content;
using Ferret.Engine.Lookups;

namespace Ferret.Detection.Testing;

/// <summary>What <c>ferret test</c> runs: detections of a content folder (overrides applied) against attack
/// data under a local copy of splunk/attack_data.</summary>
public sealed record TestRequest
{
    public required ContentRepository Content { get; init; }

    public required IReadOnlyList<DetectionDefinition> Detections { get; init; }

    public required string AttackDataRoot { get; init; }

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    public ILookupResolver? Lookups { get; init; }

    /// <summary>The IP geolocation database iplocation reads (null: a detection using it fails with where Ferret looks).</summary>
    public Ferret.Engine.GeoIp.IGeoIpDatabase? GeoIp { get; init; }

    /// <summary>The limits every test's run meets (limits.conf names; docs/limits.md).</summary>
    public Ferret.Engine.Limits.SearchLimits Limits { get; init; } = Ferret.Engine.Limits.SearchLimits.Default;

    /// <summary>Told each time a detection's tests finish (called from several threads).</summary>
    public IProgress<DetectionTestResult>? Progress { get; init; }

    public string Mode { get; init; } = "selected";
}
