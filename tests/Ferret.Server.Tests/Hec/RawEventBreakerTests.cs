using Ferret.Server.Hec;

namespace Ferret.Server.Tests.Hec;

public sealed class RawEventBreakerTests
{
    [Theory]
    [InlineData("a\nb\r\n\r\nc", null, new[] { "a", "b", "c" })]
    [InlineData("one line", "_json", new[] { "one line" })]
    [InlineData("<Event x='1'><EventData>a\nb</EventData></Event>\n<Event><EventID>2</EventID></Event>", "XmlWinEventLog", new[] { "<Event x='1'><EventData>a\nb</EventData></Event>", "<Event><EventID>2</EventID></Event>" })]
    [InlineData("<Event><A/></Event><Event><B/></Event>", "xmlwineventlog", new[] { "<Event><A/></Event>", "<Event><B/></Event>" })]
    [InlineData("header\n<Event><A/></Event>", "WinEventLog", new[] { "header", "<Event><A/></Event>" })]
    [InlineData("<Event><A/></Event>\n<Event><B/></Event>", "syslog", new[] { "<Event><A/></Event>", "<Event><B/></Event>" })]
    public void Raw_bodies_break_by_the_sourcetypes_rule(string body, string? sourceType, string[] expected)
    {
        Assert.Equal(expected, RawEventBreaker.Break(body, sourceType));
    }

    [Theory]
    [InlineData("<Event><System><TimeCreated SystemTime='2022-08-04T09:26:26.7930000Z'/></System></Event>", 1659605186.793)]
    [InlineData("""{"timestamp": "2024-01-01T00:00:00Z", "x": 1}""", 1704067200d)]
    [InlineData("""{"time": 1700000000.25}""", 1700000000.25)]
    public void Raw_events_take_their_time_from_the_event(string raw, double expected)
    {
        Assert.Equal(expected, RawEventBreaker.TimeOf(raw)!.Value, 3);
    }

    [Fact]
    public void Text_with_no_timestamp_has_no_time_of_its_own()
    {
        Assert.Null(RawEventBreaker.TimeOf("plain text"));
    }
}
