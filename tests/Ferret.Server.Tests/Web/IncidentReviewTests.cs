using Ferret.Content;
using Ferret.Detection.Hunting;
using Ferret.Events;
using Ferret.Server.Detections;
using Ferret.Server.Store;
using Ferret.Server.Tests.Infrastructure;
using Ferret.Server.Web;

namespace Ferret.Server.Tests.Web;

/// <summary>Incident Review over a real store: notables as the alert actions write them (one made by a detection of the
/// sample content, one by a risk incident rule that names its own risk object), their risk events, and triage changes.</summary>
public sealed class IncidentReviewTests : IAsyncLifetime
{
    private const string TaskRule = "ESCU - Sample Scheduled Task Registered With Shell Action - Rule";
    private static readonly WebUser Admin = new("admin", "pw", ["admin"]);
    private static readonly WebUser Analyst = new("analyst", "pw", ["ess_analyst"]);

    private readonly TemporaryFolder _folder = new();
    private readonly SampleContent _sample = SampleContent.Extract();
    private EventStore _store = null!;
    private ReviewStore _reviews = null!;
    private IncidentReview _review = null!;

    public async ValueTask InitializeAsync()
    {
        var clock = new ManualClock(DateTimeOffset.FromUnixTimeSeconds(10_000));
        _store = new EventStore(_folder.Path, IndexSettings.DefaultNames.Select(n => new IndexSettings(n)), clock);
        _reviews = new ReviewStore(_folder.Path);
        var content = ContentRepository.Load(_sample.ContentDirectory, new NoProblems());
        _review = new IncidentReview(_store, new SavedSearchCatalog(content, [], Ferret.Detection.RiskAlerting.RiskIncidentRules.Default), _reviews, [Admin, Analyst], clock);
        await _store.AppendAsync(
        [
            Notable(1000, $$"""{"event_id":"task","search_name":"{{TaskRule}}","rule_title":"Sample Scheduled Task Registered With Shell Action","urgency":"medium","status":"1","owner":"unassigned","dest":"WS01","user":"bob","info_min_time":0,"info_max_time":1001}""", "w1"),
            Notable(1000, $$"""{"event_id":"task","search_name":"{{TaskRule}}","rule_title":"Sample Scheduled Task Registered With Shell Action","urgency":"medium","status":"1","owner":"unassigned","dest":"WS01","user":"bob","info_min_time":0,"info_max_time":1001}""", "w2"),
            Notable(2000, """{"event_id":"rba","search_name":"Risk Threshold Exceeded For Object","rule_title":"24 hour risk threshold exceeded for alice","urgency":"critical","status":"1","owner":"unassigned","risk_object":"alice","risk_object_type":"user","risk_score":240,"info_min_time":1000,"info_max_time":2000}""", "w3"),
            Risk(1500, "alice", 80), Risk(1900, "ALICE", 160), Risk(1800, "bob", 50), Risk(5000, "alice", 999), Risk(900, "WS01", 64),
        ]);
    }

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        _reviews.Dispose();
        _sample.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public void Notables_are_listed_newest_first_once_each_with_their_risk_object_and_urgency_counts()
    {
        var listing = _review.List(new NotableFilter());

        Assert.Equal([("rba", "alice", "user"), ("task", "WS01", "system")], listing.Rows.Select(r => (r.EventId, r.RiskObject!, r.RiskObjectType!)));
        Assert.Equal(2, listing.Matched);
        Assert.Equal([1, 0, 1, 0, 0], NotableUrgency.All.Select(u => listing.UrgencyCounts[u]));
        Assert.Equal(["New", "New"], listing.Rows.Select(r => r.StatusLabel));
    }

    [Fact]
    public void A_risk_incidents_detail_has_the_risk_events_of_its_object_in_its_window_and_its_own_total()
    {
        var detail = _review.Detail(_review.Find("rba")!);

        Assert.Equal([1900.0, 1500.0], detail.Risks.Select(r => r.Time));
        Assert.Equal(240, detail.TotalRisk);
    }

    [Fact]
    public void A_detections_notable_sums_the_risk_events_of_its_object_in_its_window_and_shows_its_search()
    {
        var detail = _review.Detail(_review.Find("task")!);

        Assert.Equal([64.0], detail.Risks.Select(r => r.Score));
        Assert.Equal(64, detail.TotalRisk);
        Assert.Contains("EventCode=4698", detail.Spl ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public void A_triage_change_is_what_the_listing_and_the_filters_show_afterwards()
    {
        var changed = _review.Change(_review.Find("task")!, Analyst, "Resolved", "analyst", null, "a backup job");

        Assert.Equal(("4", "Resolved", "analyst", "medium"), (changed.Status, changed.StatusLabel, changed.Owner, changed.Urgency));
        Assert.Equal(["task"], _review.List(new NotableFilter { Statuses = new HashSet<string> { "4" } }).Rows.Select(r => r.EventId));
        Assert.Equal(["rba"], _review.List(new NotableFilter { Owner = "unassigned" }).Rows.Select(r => r.EventId));
        Assert.Equal(("analyst", "a backup job"), (_reviews.History("task")[0].User, _reviews.History("task")[0].Comment));
    }

    [Theory]
    [InlineData("Reopened", null, null, "status 'Reopened' is not one of")]
    [InlineData(null, "mallory", null, "owner 'mallory' is not a user")]
    [InlineData(null, null, "urgent", "urgency 'urgent' is not one of")]
    public void A_change_to_an_unknown_status_owner_or_urgency_is_refused_and_not_recorded(string? status, string? owner, string? urgency, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => _review.Change(_review.Find("task")!, Admin, status, owner, urgency, null));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.Empty(_reviews.History("task"));
    }

    [Fact]
    public void A_time_range_that_is_not_a_time_modifier_is_refused_with_its_name()
    {
        var error = Assert.Throws<ArgumentException>(() => _review.List(new NotableFilter { Earliest = "yesterday-ish" }));

        Assert.StartsWith("earliest 'yesterday-ish'", error.Message, StringComparison.Ordinal);
    }

    private static StoredEvent Notable(double time, string json, string window) =>
        new(ActionWriter.NotableIndex, time, "ferret", "notable", "stash", json, DedupKey: window);

    private static StoredEvent Risk(double time, string riskObject, int score) =>
        new(ActionWriter.RiskIndex, time, "ferret", "risk", "stash",
            $$"""{"search_name":"ESCU - Some Anomaly - Rule","risk_object":"{{riskObject}}","risk_object_type":"user","risk_score":{{score}},"risk_message":"seen"}""");

    private sealed class NoProblems : IProblemSink
    {
        public void Report(InputProblem problem)
        {
        }
    }
}
