using Ferret.Engine.Time;
using Ferret.Events;

namespace Ferret.Engine.Tests;

/// <summary>Time modifiers (Search Reference, "Time modifiers") and format variables ("Date and time format variables").</summary>
public sealed class TimeTests
{
    // Wednesday 2024-05-15 12:34:56 UTC
    private static readonly DateTimeOffset Now = new(2024, 5, 15, 12, 34, 56, TimeSpan.Zero);

    [Theory]
    [InlineData("now", "2024-05-15T12:34:56")]
    [InlineData("-70m@m", "2024-05-15T11:24:00")]
    [InlineData("-10m@m", "2024-05-15T12:24:00")]
    [InlineData("@d", "2024-05-15T00:00:00")]
    [InlineData("+1h", "2024-05-15T13:34:56")]
    [InlineData("-24h@h", "2024-05-14T12:00:00")]
    [InlineData("-1d@w1", "2024-05-13T00:00:00")]
    [InlineData("@w0", "2024-05-12T00:00:00")]
    [InlineData("-mon@mon", "2024-04-01T00:00:00")]
    [InlineData("@mon+7d", "2024-05-08T00:00:00")]
    [InlineData("@q", "2024-04-01T00:00:00")]
    [InlineData("-1y@y", "2023-01-01T00:00:00")]
    [InlineData("-30s", "2024-05-15T12:34:26")]
    [InlineData("0", "1970-01-01T00:00:00")]
    [InlineData("05/01/2024:10:00:00", "2024-05-01T10:00:00")]
    public void Time_modifier_resolves_relative_to_the_clock(string modifier, string expected)
    {
        var resolved = TimeModifier.Parse(modifier).Resolve(Now);
        Assert.Equal(expected, resolved.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("-5x")]
    [InlineData("@w9")]
    [InlineData("5m")]
    [InlineData("")]
    public void Bad_time_modifiers_are_rejected_with_a_reason(string modifier)
    {
        Assert.False(TimeModifier.TryParse(modifier, out _, out var error));
        Assert.NotEmpty(error);
    }

    [Theory]
    [InlineData("%m/%d/%Y %H:%M:%S", "05/15/2024 12:34:56")]
    [InlineData("%Y-%m-%dT%H:%M:%S.%3N%z", "2024-05-15T12:34:56.250+0000")]
    [InlineData("%A %B %e %I:%M %p", "Wednesday May 15 12:34 PM")]
    [InlineData("%s", "1715776496")]
    [InlineData("%F %T %Z", "2024-05-15 12:34:56 UTC")]
    [InlineData("100%%", "100%")]
    public void Strftime_renders_splunk_format_variables(string format, string expected)
    {
        var epoch = EpochTime.FromDateTimeOffset(Now) + 0.25;
        Assert.Equal(expected, TimeFormat.Format(epoch, format));
    }

    [Theory]
    [InlineData("05/15/2024 12:34:56", "%m/%d/%Y %H:%M:%S", 1715776496.0)]
    [InlineData("2024-05-15T12:34:56.5Z", "%Y-%m-%dT%H:%M:%S.%N%Z", 1715776496.5)]
    [InlineData("Wed May 15 12:34:56 2024", "%a %b %d %H:%M:%S %Y", 1715776496.0)]
    [InlineData("12:34:56 PM", "%I:%M:%S %p", 45296.0)]
    [InlineData("2024-05-15 14:34:56 +02:00", "%Y-%m-%d %H:%M:%S %z", 1715776496.0)]
    public void Strptime_reads_splunk_format_variables(string text, string format, double expected)
    {
        Assert.Equal(expected, TimeFormat.Parse(text, format));
    }
}
