namespace Ferret.Server.Web;

/// <summary>
/// Enterprise Security's notable statuses, by the code its <c>incident_review</c> lookup stores and the label Incident
/// Review shows (ES's reviewstatuses.conf: 0 Unassigned, 1 New, 2 In Progress, 3 Pending, 4 Resolved, 5 Closed).
/// </summary>
internal static class NotableStatus
{
    public static IReadOnlyList<(string Code, string Label)> All { get; } =
    [
        ("0", "Unassigned"), ("1", "New"), ("2", "In Progress"), ("3", "Pending"), ("4", "Resolved"), ("5", "Closed"),
    ];

    public static string? Label(string code) => All.FirstOrDefault(s => s.Code == code).Label;

    /// <summary>The code of a status given by its code or its label (any case); null when it is neither.</summary>
    public static string? Code(string codeOrLabel) =>
        All.FirstOrDefault(s => s.Code == codeOrLabel || s.Label.Equals(codeOrLabel, StringComparison.OrdinalIgnoreCase)).Code;
}

/// <summary>ES's urgencies, most urgent first (the order Incident Review counts them in).</summary>
internal static class NotableUrgency
{
    public static IReadOnlyList<string> All { get; } = ["critical", "high", "medium", "low", "informational"];

    public static bool IsKnown(string urgency) => All.Contains(urgency);
}
