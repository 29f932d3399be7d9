using Ferret.Server.Tests.Infrastructure;
using Ferret.Server.Web;

namespace Ferret.Server.Tests.Web;

public sealed class ReviewStoreTests
{
    [Fact]
    public void A_notables_current_state_is_its_latest_change_and_every_change_stays_in_its_history()
    {
        using var folder = new TemporaryFolder();
        using var store = new ReviewStore(folder.Path);

        store.Record(new ReviewChange("n1", 100, "admin", "2", "analyst", "high", "looking"));
        store.Record(new ReviewChange("n2", 110, "analyst", "3", "analyst", "low", null));
        store.Record(new ReviewChange("n1", 120, "analyst", "4", "analyst", "high", "false positive: a backup job"));

        var current = store.Current();
        Assert.Equal(["4", "3"], new[] { current["n1"].Status, current["n2"].Status });
        Assert.Equal("false positive: a backup job", current["n1"].Comment);
        Assert.Equal([("admin", "2", "looking"), ("analyst", "4", "false positive: a backup job")],
            store.History("n1").Select(c => (c.User, c.Status, c.Comment)));
        Assert.Empty(store.History("unknown"));
    }

    [Fact]
    public void Changes_and_detection_choices_are_there_when_the_store_is_opened_again()
    {
        using var folder = new TemporaryFolder();
        using (var store = new ReviewStore(folder.Path))
        {
            store.Record(new ReviewChange("n1", 100, "admin", "5", "admin", null, null));
            store.SetDetectionEnabled("ESCU - A - Rule", enabled: true, 100, "admin");
            store.SetDetectionEnabled("ESCU - B - Rule", enabled: true, 100, "admin");
            store.SetDetectionEnabled("ESCU - B - Rule", enabled: false, 200, "admin");
        }

        using var reopened = new ReviewStore(folder.Path);
        Assert.Equal("5", reopened.Current()["n1"].Status);
        Assert.Null(reopened.Current()["n1"].Urgency);
        Assert.Equal(new Dictionary<string, bool> { ["ESCU - A - Rule"] = true, ["ESCU - B - Rule"] = false }, reopened.DetectionStates());
    }
}
