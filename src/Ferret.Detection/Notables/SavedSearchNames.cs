using Ferret.Content;

namespace Ferret.Detection.Notables;

/// <summary>The names Enterprise Security knows a detection by.</summary>
public static class SavedSearchNames
{
    /// <summary>The saved search (correlation search) stanza: <c>ESCU - Name - Rule</c>, contentctl's convention.</summary>
    public static string Rule(string prefix, DetectionDefinition detection) => Rule(prefix, detection.Name);

    /// <inheritdoc cref="Rule(string, DetectionDefinition)"/>
    public static string Rule(string prefix, string detectionName) => $"{prefix} - {detectionName} - Rule";
}
