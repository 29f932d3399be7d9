namespace Ferret.Events;

/// <summary>The default fields every Splunk event carries (Splunk Knowledge Manager Manual, "Use default fields").</summary>
public static class FieldNames
{
    public const string Time = "_time";
    public const string Raw = "_raw";
    public const string Host = "host";
    public const string Source = "source";
    public const string SourceType = "sourcetype";
    public const string Index = "index";

    /// <summary>The index events land in when nothing assigns one, as on a fresh Splunk server.</summary>
    public const string DefaultIndex = "main";
}
