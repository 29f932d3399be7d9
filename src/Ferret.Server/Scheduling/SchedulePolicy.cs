namespace Ferret.Server.Scheduling;

/// <summary>
/// The scheduler settings that savedsearches.conf gives per search and ESCU leaves at Splunk's defaults, applied to
/// every scheduled search as a <c>[default]</c> stanza would: <c>realtime_schedule</c> (true by default: after a
/// missed period the scheduler looks at the current time and skips what it can no longer run in time; false is
/// continuous scheduling, where every scheduled time runs once, in order, however late) and <c>allow_skew</c> (0 by
/// default: a percentage of the search's period, or a duration such as <c>5m</c>, by which each search's start is
/// offset, a constant amount per search, to spread searches due at the same minute).
/// See https://help.splunk.com/en/data-management/splunk-enterprise-admin-manual/10.0/10.0.0-configuration-file-reference/savedsearches.conf
/// and "Offset scheduled search start times" in the Reporting Manual.
/// </summary>
internal sealed record SchedulePolicy(bool RealtimeSchedule = true, string AllowSkew = "0")
{
    public static readonly SchedulePolicy Default = new();
}
