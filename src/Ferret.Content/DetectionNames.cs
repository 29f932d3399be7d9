namespace Ferret.Content;

/// <summary>How ESCU derives names from a detection's name (contentctl's conventions).</summary>
public static class DetectionNames
{
    /// <summary>"WMI Permanent Event Subscription" → "wmi_permanent_event_subscription_filter".</summary>
    public static string FilterMacro(string detectionName) => $"{Slug(detectionName)}_filter";

    /// <summary>Lower case, each character other than a letter or digit made an underscore, one for one, as
    /// contentctl does ("CMD Echo Pipe - Escalation" → "cmd_echo_pipe___escalation").</summary>
    public static string Slug(string name) =>
        string.Create(name.Trim().Length, name.Trim(), static (span, text) =>
        {
            for (var i = 0; i < text.Length; i++)
            {
                span[i] = char.IsAsciiLetterOrDigit(text[i]) ? char.ToLowerInvariant(text[i]) : '_';
            }
        });
}
