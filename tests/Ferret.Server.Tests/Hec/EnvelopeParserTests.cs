using System.Text;
using Ferret.Server.Hec;

namespace Ferret.Server.Tests.Hec;

public sealed class EnvelopeParserTests
{
    [Fact]
    public void Concatenated_envelopes_each_become_an_event_with_their_metadata()
    {
        var (envelopes, error) = Parse("""
            {"event": "first", "time": 1700000000.5, "host": "h1", "index": "main"}
            {"event": {"a": 1}, "time": "1700000001", "sourcetype": "_json", "fields": {"env": "prod", "tags": ["x", "y"]}}
            """);

        Assert.Null(error);
        Assert.Equal(2, envelopes.Count);
        Assert.Equal(("first", 1700000000.5, "h1", "main"), (envelopes[0].Raw, envelopes[0].Metadata.Time, envelopes[0].Metadata.Host, envelopes[0].Metadata.Index));
        Assert.Equal(("""{"a": 1}""", 1700000001d, "_json"), (envelopes[1].Raw, envelopes[1].Metadata.Time, envelopes[1].Metadata.SourceType));
        Assert.Equal("""{"env": "prod", "tags": ["x", "y"]}""", envelopes[1].Fields);
    }

    [Theory]
    [InlineData("""{"event": "x" """, 6, 0)]
    [InlineData("""{"event": "ok"} {"event": "x" """, 6, 1)]
    [InlineData("""{"event": "ok"} [1, 2]""", 6, 1)]
    [InlineData("""{"host": "h"}""", 12, 0)]
    [InlineData("""{"event": ""}""", 13, 0)]
    [InlineData("""{"event": "x", "fields": {"nested": {"a": 1}}}""", 15, 0)]
    [InlineData("""{"event": "x", "time": true}""", 6, 0)]
    public void A_bad_envelope_gives_splunks_code_and_its_number(string body, int code, int eventNumber)
    {
        var (_, error) = Parse(body);

        Assert.NotNull(error);
        Assert.Equal((code, eventNumber), (error.Code, error.InvalidEventNumber ?? -1));
    }

    [Fact]
    public void An_empty_body_is_no_data()
    {
        var (_, error) = Parse("   ");

        Assert.Equal(HecStatus.NoData, error);
    }

    private static (List<Envelope> Envelopes, HecStatus? Error) Parse(string body) => EnvelopeParser.Parse(Encoding.UTF8.GetBytes(body));
}
