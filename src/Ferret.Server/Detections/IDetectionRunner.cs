using Ferret.Content;
using Ferret.Detection.Hunting;
using Ferret.Events;

namespace Ferret.Server.Detections;

/// <summary>
/// The one seam between the server and the way content is compiled and run: detections over a stream of events (one
/// pass, each event routed only to the detections that could use it), giving their findings with notables and risk
/// events. Today <see cref="HuntDetectionRunner"/> goes through the hunt; a compile-once content API can replace it here
/// without the scheduler or the REST API changing.
/// </summary>
internal interface IDetectionRunner
{
    /// <summary>Runs <paramref name="detections"/> over <paramref name="events"/>, the store's events of the searched span
    /// <c>[earliest, latest)</c> (which timechart fills).</summary>
    DetectionRun Run(IReadOnlyList<DetectionDefinition> detections, IEnumerable<Event> events, double earliest, double latest);
}

/// <summary>The findings of one run and the detections that could not run, with why.</summary>
internal sealed record DetectionRun(IReadOnlyList<Finding> Findings, IReadOnlyList<DetectionIssue> NotRun, long EventsRead);
