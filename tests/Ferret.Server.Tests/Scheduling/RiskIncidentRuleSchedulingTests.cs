using System.Net;
using System.Text.Json;
using Ferret.Events;
using Ferret.Server.Hosting;
using Ferret.Server.Scheduling;
using Ferret.Server.Store;
using Ferret.Server.Tests.Infrastructure;

namespace Ferret.Server.Tests.Scheduling;

/// <summary>
/// ES's default risk incident rules on the scheduler, with an injected clock: from 23:05 to 01:05 the 24-hour rule runs
/// every 30 minutes over -24h..now and the 7-day rule once, at midnight, over -7d@d..now, both over <c>index=risk</c>,
/// and their notables go to <c>index=notable</c> under ES's rule names.
/// </summary>
[Trait("Category", "Server")]
public sealed class RiskIncidentRuleSchedulingTests
{
    private const string DayRule = "Risk - 24 Hour Risk Threshold Exceeded - Rule";
    private const string WeekRule = "Risk - 7 Day ATT&CK Tactic Threshold Exceeded - Rule";
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 23, 5, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_risk_incident_rules_run_on_ES_schedules_over_the_risk_index_and_write_notables()
    {
        using var folder = new TemporaryFolder();
        var clock = new ManualClock(Start);
        var runs = new List<ScheduledRun>();
        await using (var server = await StartServer(folder.Path, clock))
        {
            await server.Store.AppendAsync(RiskEvents());
            runs.AddRange(await server.Scheduler.RunDueAsync());
            while (clock.GetUtcNow() < Start.AddHours(2))
            {
                clock.Advance(TimeSpan.FromMinutes(1));
                runs.AddRange(await server.Scheduler.RunDueAsync());
            }
        }

        var day = runs.Where(r => r.Searches.Contains(DayRule)).ToList();
        Assert.Equal([At(23, 30), At(24, 0), At(24, 30), At(25, 0)], day.Select(r => r.Scheduled));
        Assert.All(day, r => Assert.Equal((EpochTime.FromDateTimeOffset(r.Scheduled.AddHours(-24)), EpochTime.FromDateTimeOffset(r.Scheduled)), (r.Earliest, r.Latest)));
        var week = Assert.Single(runs, r => r.Searches.Contains(WeekRule));
        Assert.Equal(At(24, 0), week.Scheduled);
        Assert.Equal(EpochTime.FromDateTimeOffset(At(24, 0).AddDays(-7)), week.Earliest);

        await using var store = new EventStore(folder.Path, [.. IndexSettings.DefaultNames.Select(n => new IndexSettings(n))], clock);
        var notables = store.Read(new StoreQuery(["notable"])).Select(e => JsonDocument.Parse(e.Raw).RootElement).ToList();
        Assert.Equal(4, notables.Count(n => n.GetProperty("search_name").GetString() == DayRule));
        var tactic = Assert.Single(notables, n => n.GetProperty("search_name").GetString() == WeekRule);
        Assert.Equal("wks-1", tactic.GetProperty("normalized_risk_object").GetString());
        Assert.Equal(200, tactic.GetProperty("risk_score").GetDouble());
        Assert.Equal(4, tactic.GetProperty("source_count").GetDouble());
    }

    [Fact]
    public async Task The_thresholds_of_a_risk_rules_file_are_the_ones_the_scheduled_rules_apply()
    {
        using var folder = new TemporaryFolder();
        var thresholds = Path.Combine(folder.Path, "risk-rules.conf");
        await File.WriteAllTextAsync(thresholds, "# wks-1 has 200 points and four tactics from four detections\nrisk_score_threshold = 250\ntactic_threshold = 4\n", TestContext.Current.CancellationToken);
        var fromFile = new ServeOptions { DataDirectory = folder.Path, RiskRulesFile = thresholds }.ToSettings().RiskAlerting;
        var clock = new ManualClock(Start);
        await using (var server = await InProcessServer.StartAsync(InProcessServer.Settings(folder.Path) with
        {
            AdminPassword = "unused", RiskIncidentRules = true, RiskAlerting = fromFile, Clock = clock,
        }))
        {
            await server.Store.AppendAsync(RiskEvents());
            while (clock.GetUtcNow() < At(24, 5))
            {
                clock.Advance(TimeSpan.FromMinutes(5));
                await server.Scheduler.RunDueAsync();
            }
        }

        await using var store = new EventStore(folder.Path, [.. IndexSettings.DefaultNames.Select(n => new IndexSettings(n))], clock);
        var notables = store.Read(new StoreQuery(["notable"])).Select(e => JsonDocument.Parse(e.Raw).RootElement.GetProperty("search_name").GetString()).ToList();
        Assert.Equal([WeekRule], notables);
    }

    [Theory]
    [InlineData("risk_score_threshold = -1\n", "risk-rules.conf:1: risk_score_threshold must be a positive number")]
    [InlineData("# thresholds\nscore = 5\n", "risk-rules.conf:2: unknown setting 'score'")]
    public void A_bad_risk_rules_file_is_refused_with_its_file_and_line(string text, string expected)
    {
        using var folder = new TemporaryFolder();
        var thresholds = Path.Combine(folder.Path, "risk-rules.conf");
        File.WriteAllText(thresholds, text);

        var error = Assert.Throws<ArgumentException>(() => new ServeOptions { DataDirectory = folder.Path, RiskRulesFile = thresholds }.ToSettings());
        Assert.StartsWith("--risk-rules: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private static DateTimeOffset At(int hour, int minute) => new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero).AddHours(hour).AddMinutes(minute);

    /// <summary>Four detections' risk on wks-1 at 22:00-22:30 (50 points each; Execution, Persistence, Credential
    /// Access, Discovery), as ES's risk action stores them.</summary>
    private static List<StoredEvent> RiskEvents()
    {
        string[] tactics = ["TA0002", "TA0003", "TA0006", "TA0007"];
        return [.. Enumerable.Range(0, 4).Select(i =>
        {
            var search = $"ESCU - Detection {i} - Rule";
            var json = JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["search_name"] = search,
                ["risk_object"] = "WKS-1",
                ["normalized_risk_object"] = "wks-1",
                ["risk_object_type"] = "system",
                ["risk_score"] = 50,
                ["calculated_risk_score"] = 50,
                ["risk_message"] = $"detection {i} on WKS-1",
                ["annotations.mitre_attack.mitre_tactic_id"] = new[] { tactics[i] },
            });
            return new StoredEvent("risk", EpochTime.FromDateTimeOffset(At(22, i * 10)), "ferret", search, "stash", json);
        })];
    }

    private static Task<FerretServer> StartServer(string data, ManualClock clock) =>
        InProcessServer.StartAsync(InProcessServer.Settings(data) with { AdminPassword = "unused", RiskIncidentRules = true, Clock = clock });
}
