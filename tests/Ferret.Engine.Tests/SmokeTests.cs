namespace Ferret.Engine.Tests;

using static Spl;

public sealed class SmokeTests
{
    [Fact]
    public void Escu_shape_counts_by_fields_and_formats_times()
    {
        var events = new[]
        {
            Ev(("_time", 1700000000.0), ("host", "a"), ("user", "x")),
            Ev(("_time", 1700000100.0), ("host", "a"), ("user", "x")),
            Ev(("_time", 1700000200.0), ("host", "b"), ("user", "y")),
        };
        var results = Run("search host=* | stats count min(_time) as firstTime max(_time) as lastTime by host user | rename user as account | convert ctime(firstTime)", events);
        Assert.Equal(["a", "b"], results.Column("host"));
        Assert.Equal(["2", "1"], results.Column("count"));
        Assert.Equal(["x", "y"], results.Column("account"));
        Assert.Equal("11/14/2023 22:13:20", results[0]["firstTime"].Text);
    }
}
