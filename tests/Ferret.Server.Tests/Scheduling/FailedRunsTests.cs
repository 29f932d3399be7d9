using Ferret.Server.Scheduling;

namespace Ferret.Server.Tests.Scheduling;

public sealed class FailedRunsTests
{
    /// <summary>Each step is <c>F:sid</c> (the run failed) or <c>S:sid</c> (it succeeded); the expected verdicts are
    /// those of the failures, in order (R: retry next round, G: give up).</summary>
    [Theory]
    [InlineData("F:a F:a F:a", "R R G")]
    [InlineData("F:a S:a F:a F:a F:a", "R R R G")]
    [InlineData("F:a F:b F:a F:b F:a", "R R R R G")]
    [InlineData("F:a F:a F:a F:a", "R R G R")]
    public void A_failed_run_is_retried_until_its_third_failure_then_given_up(string steps, string expected)
    {
        var failed = new FailedRuns();
        var verdicts = new List<string>();
        foreach (var step in steps.Split(' '))
        {
            var sid = step[2..];
            if (step[0] == 'S')
            {
                failed.Succeeded(sid);
                continue;
            }

            verdicts.Add(failed.Failed(sid).Verdict == FailedRunVerdict.GiveUp ? "G" : "R");
        }

        Assert.Equal(expected, string.Join(' ', verdicts));
    }

    [Fact]
    public void The_attempt_number_counts_the_failures_of_one_run()
    {
        var failed = new FailedRuns();
        Assert.Equal(1, failed.Failed("x").Attempt);
        Assert.Equal(2, failed.Failed("x").Attempt);
        Assert.Equal(1, failed.Failed("y").Attempt);
        Assert.Equal(FailedRuns.MaxAttempts, failed.Failed("x").Attempt);
    }
}
