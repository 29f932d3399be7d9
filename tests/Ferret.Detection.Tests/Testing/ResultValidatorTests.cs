using Ferret.Content;
using Ferret.Detection.Testing;
using Ferret.Detection.Tests.Notables;
using Ferret.Events;

namespace Ferret.Detection.Tests.Testing;

public sealed class ResultValidatorTests
{
    private static readonly DetectionDefinition Detection = DetectionFixtures.ScheduledTaskTtp();

    [Fact]
    public void A_test_passes_when_a_result_has_every_risk_object_field_set()
    {
        var verdict = ResultValidator.Validate(Detection, [DetectionFixtures.Row(("dest", "wks-1"), ("user", "alice"), ("process_name", "cmd.exe"))]);

        Assert.True(verdict.Passed, verdict.Message);
    }

    [Fact]
    public void A_test_fails_when_the_search_returns_nothing()
    {
        var verdict = ResultValidator.Validate(Detection, []);

        Assert.False(verdict.Passed);
        Assert.Equal("the search returned no results", verdict.Message);
    }

    [Fact]
    public void A_test_fails_when_a_risk_object_field_is_missing_from_the_results()
    {
        var verdict = ResultValidator.Validate(Detection, [DetectionFixtures.Row(("dest", "wks-1"), ("process_name", "cmd.exe"))]);

        Assert.False(verdict.Passed);
        Assert.Equal("risk object field(s) missing from the results: user", verdict.Message);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("")]
    public void A_test_fails_when_every_result_has_a_null_risk_object(string nullText)
    {
        var verdict = ResultValidator.Validate(Detection, [DetectionFixtures.Row(("dest", "wks-1"), ("user", nullText), ("process_name", "cmd.exe"))]);

        Assert.False(verdict.Passed);
        Assert.Equal("every result has a null risk object field: user", verdict.Message);
    }

    [Fact]
    public void One_complete_result_is_enough_when_others_have_nulls()
    {
        var verdict = ResultValidator.Validate(Detection,
        [
            DetectionFixtures.Row(("dest", "wks-1"), ("user", "null"), ("process_name", "cmd.exe")),
            DetectionFixtures.Row(("dest", "wks-2"), ("user", "bob"), ("process_name", "cmd.exe")),
        ]);

        Assert.True(verdict.Passed, verdict.Message);
    }

    [Fact]
    public void A_v5_test_checks_risk_objects_only_and_v4_checks_every_observable()
    {
        var row = DetectionFixtures.Row(("dest", "wks-1"), ("user", "alice"));

        Assert.False(ResultValidator.Validate(Detection, [row]).Passed);
        Assert.True(ResultValidator.Validate(Detection with { Schema = DetectionSchema.RbaV5 }, [row]).Passed);
    }

    [Theory]
    [InlineData("https://media.githubusercontent.com/media/splunk/attack_data/master/datasets/a/b.log", "/data/datasets/a/b.log")]
    [InlineData("https://media.githubusercontent.com/media/splunk/attack_data/master/datasets/x%20y/z.log?raw=true", "/data/datasets/x y/z.log")]
    [InlineData("https://example.test/other/file.log", null)]
    [InlineData("https://x/attack_data/master/../etc/passwd", null)]
    public void Attack_data_URLs_map_to_their_path_after_attack_data_master(string url, string? expected) =>
        Assert.Equal(expected, AttackDataLocator.LocalPath(url, "/data"));
}
