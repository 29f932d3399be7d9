using Ferret.Detection.Notables;
using Ferret.Events;

namespace Ferret.Detection.Tests.Notables;

public sealed class TokenSubstitutionTests
{
    public static TheoryData<string, string> FieldTokenCases => new()
    {
        { "on $dest$", "on wks-1" },
        { "$dest$ and $user$", "wks-1 and alice" },
        { "missing $nope$ field", "missing  field" },
        { "values $multi$", "values a,b" },
        { "price $$ sign", "price $ sign" },
        { "unterminated $dest", "unterminated $dest" },
        { "not a token $a b$ here", "not a token $a b$ here" },
        { "window $info_min_time$", "window 100" },
        { "number $count$", "number 3" },
    };

    [Theory]
    [MemberData(nameof(FieldTokenCases))]
    public void Field_tokens_take_the_rows_values(string text, string expected)
    {
        var row = DetectionFixtures.Row(("dest", "wks-1"), ("user", "alice"), ("multi", FieldValue.Multi(["a", "b"])), ("count", 3));
        var extra = new Dictionary<string, string> { ["info_min_time"] = "100" };

        Assert.Equal(expected, TokenSubstitution.FillFieldTokens(text, row, extra));
    }

    [Fact]
    public void Detection_tokens_take_the_detections_attributes()
    {
        var detection = DetectionFixtures.ScheduledTaskTtp();

        var filled = TokenSubstitution.FillDetectionTokens("%name%: %description% | %original_detection_search%", detection);

        Assert.Equal("Scheduled Task Spawns Shell: A task runs a shell. | `wineventlog_security` EventCode=4698 | stats count by dest", filled);
    }
}
