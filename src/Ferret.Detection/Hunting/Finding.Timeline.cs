using Ferret.Detection.Notables;
using Ferret.Events;

namespace Ferret.Detection.Hunting;

/// <summary>What a responder's timeline shows of a finding beyond the detection: its level, the user, a one-line
/// account of what happened, and where the events behind it were read.</summary>
public sealed partial record Finding
{
    private static readonly string[] UserFields = ["user", "src_user", "User", "SubjectUserName", "TargetUserName", "UserName", "user_name"];

    private static readonly string[] RecordFields = ["EventRecordID", "RecordNumber"];

    /// <summary>True when no event reached the detection's search, so the row is an aggregate of nothing (a stats
    /// with no BY clause returns one row of zero counts over no events): it has no events behind it.</summary>
    public bool AggregatesNoEvents { get; init; }

    /// <summary>How urgent the finding is (<see cref="FindingLevel"/>): from the risk score and the detection type.</summary>
    public FindingLevel Level => FindingLevels.Of(Detection);

    /// <summary>The user the finding is about: the row's CIM <c>user</c>, else another user field, else the evidence's.</summary>
    public string User => Incident is { RiskObjectType: "user" } incident ? incident.RiskObject : UserOf(Result) ?? Evidence.User ?? string.Empty;

    /// <summary>What happened, in one line: the risk message with the row's values filled, else the notable's title,
    /// else the detection's name. Never shortened (files keep whole values; only the terminal table clips).</summary>
    public string What => AggregatesNoEvents
        ? $"{Detection.Name}: a row of the search's statistics over no events (no event matched it)"
        : Incident is { } incident ? OneLine(incident.Summary) : OneLine(RiskEvents.Count > 0 ? RiskEvents[0].RiskMessage : Notable?.RuleTitle ?? Detection.Name);

    /// <summary>The events behind the finding as <c>file#record</c>: the Windows EventRecordID where the event has one,
    /// else its position in the file. Distinct, in evidence order.</summary>
    public IReadOnlyList<EventProvenance> Provenance => Evidence.Provenance;

    internal static string? UserOf(Event e)
    {
        foreach (var field in UserFields)
        {
            if (e[field].Text is { Length: > 0 } value && !value.Equals("unknown", StringComparison.OrdinalIgnoreCase) && value != "-")
            {
                return value;
            }
        }

        return null;
    }

    internal static string RecordOf(Event e)
    {
        foreach (var field in RecordFields)
        {
            if (e[field].Text is { Length: > 0 } record)
            {
                return record;
            }
        }

        return $"event {e.Origin!.Position}";
    }

    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim()).Where(s => s.Length > 0));
}

/// <summary>One event behind a finding: the input file it was read from and its record (EventRecordID, or
/// <c>event N</c>: its position in the file when the format has no record number).</summary>
public sealed record EventProvenance(string File, string Record)
{
    public override string ToString() => $"{File}#{Record}";
}
