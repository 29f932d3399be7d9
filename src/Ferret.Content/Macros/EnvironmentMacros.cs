using Ferret.Events;

namespace Ferret.Content.Macros;

/// <summary>
/// Ferret's own definitions of the content's "environment" macros (<c>sysmon</c>, <c>powershell</c>,
/// <c>wineventlog_security</c>, ...): ESCU ships them to be replaced by each site (their description says
/// "customer specific splunk configurations"). Ferret's ingestion gives a Windows event
/// <c>source=XmlWinEventLog:&lt;Channel&gt;</c>, <c>sourcetype=XmlWinEventLog</c> and a <c>Channel</c> field,
/// so these select on those, never on an index. The file is embedded: <c>Macros/EnvironmentMacros.yml</c>.
/// </summary>
public static class EnvironmentMacros
{
    public const string ResourceName = "Ferret.Content.EnvironmentMacros.yml";

    /// <summary>The embedded file's text, for users who want a copy to start their own overrides from.</summary>
    public static string Text()
    {
        using var stream = typeof(EnvironmentMacros).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} missing from Ferret.Content");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static IReadOnlyList<ContentMacro> Load(IProblemSink problems) =>
        [.. MacroReader.ReadText(Text(), $"(embedded) {ResourceName}", MacroOrigin.FerretEnvironment, problems)];
}
