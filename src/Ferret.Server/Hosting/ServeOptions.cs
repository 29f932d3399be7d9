using System.Net;
using Ferret.Detection.RiskAlerting;
using Ferret.Server.Hec;
using Ferret.Server.Store;

namespace Ferret.Server.Hosting;

/// <summary>The command line's options for <c>ferret serve</c> (see the CLI's ServeCommand).</summary>
public sealed record ServeOptions
{
    public required string DataDirectory { get; init; }

    public string? ContentDirectory { get; init; }

    public IReadOnlyList<string> AppDirectories { get; init; } = [];

    public IReadOnlyList<string> HecTokens { get; init; } = [];

    public bool HecAck { get; init; }

    public string? AdminPassword { get; init; }

    public string Listen { get; init; } = "127.0.0.1";

    public int HecPort { get; init; } = 8088;

    public int RestPort { get; init; } = 8089;

    public int WebPort { get; init; } = 8000;

    public string? CertificatePath { get; init; }

    public string? CertificatePassword { get; init; }

    public IReadOnlyList<string> Indexes { get; init; } = [];

    public IReadOnlyList<string> Enable { get; init; } = [];

    public bool RiskIncidentRules { get; init; }

    /// <summary>A file of risk incident rule thresholds (<see cref="RiskAlertingSettings.Load"/>); null: ES's defaults.</summary>
    public string? RiskRulesFile { get; init; }

    internal ServerSettings ToSettings()
    {
        foreach (var name in Indexes.Where(n => !IndexSettings.IsValidName(n)))
        {
            throw new ArgumentException($"--index '{name}': an index name is lower-case letters, digits, '_' and '-'");
        }

        return new ServerSettings
        {
            DataDirectory = Path.GetFullPath(DataDirectory),
            ContentDirectory = ContentDirectory,
            AppDirectories = AppDirectories,
            HecTokens = [.. HecTokens.Select(t => new HecToken(t) { UseAck = HecAck })],
            AdminPassword = AdminPassword,
            ListenAddress = IPAddress.TryParse(Listen, out var address) ? address : throw new ArgumentException($"--listen '{Listen}' is not an IP address"),
            HecPort = HecPort,
            RestPort = RestPort,
            WebPort = WebPort,
            CertificatePath = CertificatePath,
            CertificatePassword = CertificatePassword,
            Indexes = [.. IndexSettings.DefaultNames.Concat(Indexes).Distinct(StringComparer.Ordinal).Select(n => new IndexSettings(n))],
            EnabledDetections = Enable,
            RiskIncidentRules = RiskIncidentRules,
            RiskAlerting = RiskRulesFile is null ? RiskAlertingSettings.Default : LoadRiskRules(RiskRulesFile),
        };
    }

    private static RiskAlertingSettings LoadRiskRules(string path)
    {
        try
        {
            return RiskAlertingSettings.Load(path);
        }
        catch (Exception error) when (error is FormatException or IOException or UnauthorizedAccessException)
        {
            throw new ArgumentException($"--risk-rules: {error.Message}", error);
        }
    }
}
