using Ferret.Engine.Time;
using Ferret.Events;
using Ferret.Server.Detections;
using Ferret.Server.Store;

namespace Ferret.Server.Web;

/// <summary>What one Incident Review listing shows: the matching notables newest first (at most
/// <see cref="IncidentReview.MaxRows"/>), how many matched, and the counts by urgency.</summary>
internal sealed record NotableListing(IReadOnlyList<NotableRow> Rows, int Matched, IReadOnlyDictionary<string, int> UrgencyCounts);

/// <summary>
/// Enterprise Security's Incident Review over the store: the notables of <c>index=notable</c> with the triage state of
/// <see cref="ReviewStore"/> laid over them, filtered and counted; a notable's triage changed with an audit row. A
/// notable written in two windows (the same event found twice) is listed once, with its latest copy.
/// </summary>
internal sealed partial class IncidentReview(EventStore store, SavedSearchCatalog catalog, ReviewStore reviews, IReadOnlyList<WebUser> users, TimeProvider clock)
{
    public const int MaxRows = 1000;

    public IReadOnlyList<string> Owners => ["unassigned", .. users.Select(u => u.Name)];

    public NotableListing List(NotableFilter filter)
    {
        var (earliest, latest) = Range(filter.Earliest, filter.Latest);
        var current = reviews.Current();
        var rows = Latest(store.Read(new StoreQuery([ActionWriter.NotableIndex]) { Earliest = earliest, Latest = latest }))
            .Select(n => Row(n, current.GetValueOrDefault(n.Text("event_id") ?? string.Empty)))
            .Where(filter.MatchesAllButUrgency)
            .ToList();
        var counts = NotableUrgency.All.ToDictionary(u => u, u => rows.Count(r => r.Urgency == u), StringComparer.Ordinal);
        var matched = rows.Where(filter.Matches).OrderByDescending(r => r.Time).ThenBy(r => r.EventId, StringComparer.Ordinal).ToList();
        return new NotableListing([.. matched.Take(MaxRows)], matched.Count, counts);
    }

    /// <summary>The notable whose <c>event_id</c> is <paramref name="eventId"/> (its latest copy), or null.</summary>
    public NotableRecord? Find(string eventId) =>
        Latest(store.Read(new StoreQuery([ActionWriter.NotableIndex]))).FirstOrDefault(n => n.Text("event_id") == eventId);

    /// <summary>Changes a notable's status, owner, urgency or comment (null leaves it as it is) and records the change.</summary>
    public NotableRow Change(NotableRecord notable, WebUser user, string? status, string? owner, string? urgency, string? comment)
    {
        var eventId = notable.Text("event_id")!;
        var before = Row(notable, reviews.Current().GetValueOrDefault(eventId));
        if (status is not null && NotableStatus.Code(status) is null)
        {
            throw new ArgumentException($"status '{status}' is not one of {string.Join(", ", NotableStatus.All.Select(s => s.Label))}");
        }

        if (owner is not null && !Owners.Contains(owner, StringComparer.Ordinal))
        {
            throw new ArgumentException($"owner '{owner}' is not a user of this server (nor 'unassigned')");
        }

        if (urgency is not null && !NotableUrgency.IsKnown(urgency))
        {
            throw new ArgumentException($"urgency '{urgency}' is not one of {string.Join(", ", NotableUrgency.All)}");
        }

        var change = new ReviewChange(eventId, EpochTime.FromDateTimeOffset(clock.GetUtcNow()), user.Name,
            status is null ? before.Status : NotableStatus.Code(status)!, owner ?? before.Owner, urgency ?? before.Urgency,
            string.IsNullOrWhiteSpace(comment) ? null : comment.Trim());
        reviews.Record(change);
        return Row(notable, change);
    }

    public NotableRow Row(NotableRecord notable, ReviewChange? review)
    {
        var searchName = notable.Text("search_name") ?? notable.Stored.Source;
        var (riskObject, riskType) = RiskObjectOf(notable, searchName);
        var status = review?.Status ?? notable.Text("status") ?? "1";
        var title = notable.Text("rule_title") ?? searchName;
        return new NotableRow(
            notable.Text("event_id") ?? string.Empty,
            notable.Time,
            title,
            searchName,
            (review?.Urgency ?? notable.Text("urgency") ?? "low").ToLowerInvariant(),
            status,
            NotableStatus.Label(status) ?? status,
            review?.Owner ?? notable.Text("owner") ?? "unassigned",
            riskObject,
            riskType,
            notable.Text("security_domain") ?? string.Empty,
            string.Join('\n', title, searchName, riskObject, notable.Stored.Raw));
    }

    /// <summary>The notable's risk object: its own <c>risk_object</c> (a risk incident rule's notable), else the first of
    /// its detection's risk object fields that the notable's row has a value for.</summary>
    internal (string? Value, string? Type) RiskObjectOf(NotableRecord notable, string searchName)
    {
        if (notable.Text("risk_object") is { Length: > 0 } own)
        {
            return (own, notable.Text("risk_object_type"));
        }

        foreach (var risk in catalog.Find(searchName)?.Detection.RiskObjects ?? [])
        {
            if (notable.Text(risk.Field) is { Length: > 0 } value)
            {
                return (value, risk.Type);
            }
        }

        return (null, null);
    }

    /// <summary>Resolves a time range given in Splunk's time modifiers (<c>-24h</c>, <c>@d</c>, an epoch, <c>0</c> for all time).</summary>
    internal (double? Earliest, double? Latest) Range(string earliest, string latest)
    {
        var now = clock.GetUtcNow();
        return (Resolve("earliest", earliest, now), Resolve("latest", latest, now));
    }

    private static double? Resolve(string name, string text, DateTimeOffset now)
    {
        if (text is "" or "0" && name == "earliest")
        {
            return null;
        }

        if (double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var epoch))
        {
            return epoch;
        }

        return TimeModifier.TryParse(text, out var modifier, out var error)
            ? modifier.ResolveEpoch(now)
            : throw new ArgumentException($"{name} '{text}': {error}");
    }

    private static IEnumerable<NotableRecord> Latest(IEnumerable<StoredEvent> stored) =>
        stored.Select(NotableRecord.Parse)
            .GroupBy(n => n.Text("event_id") ?? n.Stored.Raw, StringComparer.Ordinal)
            .Select(g => g.MaxBy(n => n.Time)!);
}
