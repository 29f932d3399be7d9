using System.Text.Json;
using Ferret.Ingest.Windows;

namespace Ferret.Ingest.Json;

internal static partial class WindowsFlatJsonMapper
{
    private static readonly TimeSpan OffsetStep = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The event time as Windows' SystemTime. OTRF's TimeCreated is UTC. NXLog's EventTime is in the agent's
    /// local time, to the second; when the record also has the agent's EventReceivedTime (local) and logstash's
    /// @timestamp (UTC), their difference, rounded to a quarter hour, is the agent's UTC offset. Without those,
    /// EventTime is taken as UTC.
    /// </summary>
    private static string? SystemTime(JsonElement root)
    {
        if (Text(root, "TimeCreated") is { } created && WindowsTime.TryParse(created, out var createdTime))
        {
            return WindowsTime.Format(createdTime);
        }

        if (Text(root, "EventTime") is { } local && WindowsTime.TryParse(local, out var localTime))
        {
            return WindowsTime.Format(localTime - AgentUtcOffset(root));
        }

        return Text(root, "@timestamp") is { } stamp && WindowsTime.TryParse(stamp, out var stampTime)
            ? WindowsTime.Format(stampTime)
            : null;
    }

    private static TimeSpan AgentUtcOffset(JsonElement root)
    {
        if (Text(root, "EventReceivedTime") is not { } received || !WindowsTime.TryParse(received, out var receivedLocal)
            || Text(root, "@timestamp") is not { } stamp || !WindowsTime.TryParse(stamp, out var receivedUtc))
        {
            return TimeSpan.Zero;
        }

        var difference = receivedLocal - receivedUtc;
        var offset = TimeSpan.FromTicks((long)Math.Round(difference.Ticks / (double)OffsetStep.Ticks) * OffsetStep.Ticks);
        return offset.Duration() <= TimeSpan.FromHours(14) ? offset : TimeSpan.Zero;
    }
}
