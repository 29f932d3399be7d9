using System.Net;
using Ferret.Detection.RiskAlerting;
using Ferret.Server.Hec;
using Ferret.Server.Scheduling;
using Ferret.Server.Store;

namespace Ferret.Server.Hosting;

/// <summary>
/// What <c>ferret serve</c> runs with: the data folder, the content, the listening address and ports (Splunk's
/// defaults: HEC on 8088, management/REST on 8089, web on 8000, loopback only), the certificate, the HEC tokens, the admin
/// password, the indexes and the detections enabled for the scheduler. Built from the command line and from
/// <c>DATA/ferret-serve.json</c> (<see cref="SettingsFile"/>).
/// </summary>
internal sealed record ServerSettings
{
    public required string DataDirectory { get; init; }

    /// <summary>An ESCU content folder; null serves the embedded sample content.</summary>
    public string? ContentDirectory { get; init; }

    /// <summary>Splunk add-on folders layered over Ferret's own knowledge.</summary>
    public IReadOnlyList<string> AppDirectories { get; init; } = [];

    public IPAddress ListenAddress { get; init; } = IPAddress.Loopback;

    public int HecPort { get; init; } = 8088;

    public int RestPort { get; init; } = 8089;

    /// <summary>The web pages' port (Incident Review, search, detections), HTTPS as Splunk Web's default 8000.</summary>
    public int WebPort { get; init; } = 8000;

    /// <summary>A PKCS#12 certificate (with its key) to serve; null uses <c>DATA/server.pfx</c>, generated on first start.</summary>
    public string? CertificatePath { get; init; }

    public string? CertificatePassword { get; init; }

    public IReadOnlyList<HecToken> HecTokens { get; init; } = [];

    public string AdminUser { get; init; } = "admin";

    /// <summary>The admin password; null generates one into <c>DATA/admin-password</c> on first start.</summary>
    public string? AdminPassword { get; init; }

    /// <summary>The web pages' users besides the admin, each with its roles (<see cref="Web.WebUser"/>).</summary>
    public IReadOnlyList<Web.WebUser> WebUsers { get; init; } = [];

    /// <summary>Tokens accepted as <c>Authorization: Bearer</c> besides session keys.</summary>
    public IReadOnlyList<string> BearerTokens { get; init; } = [];

    public IReadOnlyList<IndexSettings> Indexes { get; init; } = [.. IndexSettings.DefaultNames.Select(n => new IndexSettings(n))];

    /// <summary>Detection name globs (or saved search names) the scheduler runs; ESCU ships every detection disabled.</summary>
    public IReadOnlyList<string> EnabledDetections { get; init; } = [];

    /// <summary>Whether the scheduler runs ES's default risk incident rules over <c>index=risk</c> (the 24-hour rule every 30
    /// minutes, the 7-day rule daily); they are saved searches that can be dispatched either way.</summary>
    public bool RiskIncidentRules { get; init; }

    /// <summary>The risk incident rules' thresholds (ES's defaults unless <c>--risk-rules</c> gives a file).</summary>
    public RiskAlertingSettings RiskAlerting { get; init; } = RiskAlertingSettings.Default;

    /// <summary>savedsearches.conf's <c>realtime_schedule</c> and <c>allow_skew</c> for every scheduled search.</summary>
    public SchedulePolicy Schedule { get; init; } = SchedulePolicy.Default;

    /// <summary>Whether the scheduler runs on the wall clock (off in tests that drive it by hand).</summary>
    public bool RunScheduler { get; init; } = true;

    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
