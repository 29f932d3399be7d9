using Microsoft.AspNetCore.Http;

namespace Ferret.Server.Web;

/// <summary>
/// Incident Review's filters: urgencies and statuses (any of those given; none given means all), the owner and the
/// detection (its saved search name) exactly, a text that must appear (any case) in the title, search name, risk object
/// or the notable's fields, and a time range (<c>earliest</c>/<c>latest</c> in Splunk's time modifiers, read by the
/// store). Counts by urgency apply every filter but urgency, so each count says what choosing that urgency would show.
/// </summary>
internal sealed record NotableFilter
{
    public IReadOnlySet<string> Urgencies { get; init; } = new HashSet<string>();

    public IReadOnlySet<string> Statuses { get; init; } = new HashSet<string>();

    public string? Owner { get; init; }

    public string? Detection { get; init; }

    public string? Text { get; init; }

    public string Earliest { get; init; } = "0";

    public string Latest { get; init; } = "now";

    public static NotableFilter From(IQueryCollection query)
    {
        return new NotableFilter
        {
            Urgencies = Values(query, "urgency").Select(u => u.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal),
            Statuses = Values(query, "status").Select(s => NotableStatus.Code(s) ?? s).ToHashSet(StringComparer.Ordinal),
            Owner = Single(query, "owner"),
            Detection = Single(query, "detection"),
            Text = Single(query, "text"),
            Earliest = Single(query, "earliest") ?? "0",
            Latest = Single(query, "latest") ?? "now",
        };
    }

    public bool Matches(NotableRow row) => MatchesAllButUrgency(row) && (Urgencies.Count == 0 || Urgencies.Contains(row.Urgency));

    public bool MatchesAllButUrgency(NotableRow row) =>
        (Statuses.Count == 0 || Statuses.Contains(row.Status))
        && (Owner is null || row.Owner.Equals(Owner, StringComparison.OrdinalIgnoreCase))
        && (Detection is null || row.SearchName.Equals(Detection, StringComparison.Ordinal))
        && (Text is null || row.Text.Contains(Text, StringComparison.OrdinalIgnoreCase));

    private static IEnumerable<string> Values(IQueryCollection query, string name) =>
        query[name].SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static string? Single(IQueryCollection query, string name) =>
        query[name].FirstOrDefault() is { Length: > 0 } value ? value.Trim() : null;
}
