using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Ferret.Detection.Hunting;
using Ferret.Detection.Notables;
using Ferret.Server.Store;

namespace Ferret.Server.Detections;

/// <summary>
/// The alert actions of a correlation search: each finding's notable goes to <c>index=notable</c> and its risk events
/// to <c>index=risk</c> (sourcetype <c>stash</c>, source the search name, as ES's summary indexing writes them), with
/// ES's field names plus the run's <c>orig_sid</c>. Each event carries a key made of the search, the window and the
/// row, so a window written twice (a run retried after a crash, a dispatch repeated) stores its events once.
/// </summary>
internal static class ActionWriter
{
    public const string NotableIndex = "notable";
    public const string RiskIndex = "risk";

    public static List<StoredEvent> EventsFor(IReadOnlyList<Finding> findings, string sid, double earliest, double latest, string host)
    {
        var events = new List<StoredEvent>();
        var window = string.Create(CultureInfo.InvariantCulture, $"{earliest:0.###}-{latest:0.###}");
        for (var row = 0; row < findings.Count; row++)
        {
            var finding = findings[row];
            if (finding.Notable is { } notable)
            {
                var json = WithRunFields(IndexEventJson.Write(notable), sid);
                events.Add(new StoredEvent(NotableIndex, notable.Time, host, notable.SearchName, "stash", json,
                    DedupKey: Key(notable.SearchName, window, "notable", notable.EventId)));
            }

            for (var r = 0; r < finding.RiskEvents.Count; r++)
            {
                var risk = finding.RiskEvents[r];
                var json = WithRunFields(IndexEventJson.Write(risk), sid);
                events.Add(new StoredEvent(RiskIndex, risk.Time, host, risk.SearchName, "stash", json,
                    DedupKey: Key(risk.SearchName, window, "risk", IndexEventJson.WriteResult(finding.Detection, finding.Result), risk.RiskObject, risk.RiskObjectType)));
            }
        }

        return events;
    }

    private static string WithRunFields(string json, string sid)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        node.Remove("index");
        node["orig_sid"] = sid;
        return node.ToJsonString();
    }

    private static string Key(params string[] parts) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', parts))));
}
