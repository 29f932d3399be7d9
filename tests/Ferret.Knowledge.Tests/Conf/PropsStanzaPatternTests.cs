using Ferret.Knowledge.Conf;
using Ferret.Knowledge.Loading;

namespace Ferret.Knowledge.Tests.Conf;

public sealed class PropsStanzaPatternTests
{
    [Theory]
    [InlineData("pan:traffic", null, "pan:traffic", null, true)]
    [InlineData("pan:traffic", null, "PAN:Traffic", null, true)]
    [InlineData("pan:traffic", null, "pan:threat", null, false)]
    [InlineData("(?::){0}suricata:*", null, "suricata:http", null, true)]
    [InlineData("(?::){0}suricata:*", null, "suricata", null, false)]
    [InlineData("source::/var/log/...", "/var/log/audit/audit.log", null, null, true)]
    [InlineData("source::/var/log/*", "/var/log/audit/audit.log", null, null, false)]
    [InlineData("source::/var/log/*.log", "/var/log/secure.log", null, null, true)]
    [InlineData("source::...(secure|auth)*", "/var/log/auth.log", null, null, true)]
    [InlineData("host::web*", null, null, "web01", true)]
    [InlineData("host::web*", null, null, "db01", false)]
    public void Stanzas_match_sourcetypes_sources_and_hosts_as_splunk_does(string stanza, string? source, string? sourceType, string? host, bool matches)
    {
        var pattern = PropsStanzaPattern.Parse(stanza)!;

        Assert.Equal(matches, pattern.Matches(source, sourceType, host));
    }

    [Fact]
    public void Rule_stanzas_apply_to_no_event()
    {
        Assert.Null(PropsStanzaPattern.Parse("rule::my_rule"));
        Assert.Null(PropsStanzaPattern.Parse("delayedrule::my_rule"));
    }

    [Fact]
    public void Source_beats_host_beats_sourcetype_and_a_literal_beats_a_pattern_and_priority_orders_patterns()
    {
        const string props = """
            [default]
            K = default
            L = default
            [st]
            K = sourcetype
            A = sourcetype
            B = sourcetype
            [host::h1]
            A = host
            [source::/logs/...]
            B = source-pattern
            C = pattern-low
            priority = 1
            [source::/logs/app.log]
            B = source-literal
            [source::/logs/*.log]
            C = pattern-high
            priority = 5
            """;
        var layers = new ConfLayers([new SplunkApp("ferret_knowledge", [("props.conf", props)], [], new Dictionary<string, Func<TextReader>>())], [], new List<KnowledgeProblem>());
        var resolver = new PropsResolver(layers);

        var settings = resolver.Settings("/logs/app.log", "st", "h1");

        Assert.Equal("host", settings["A"].Value);
        Assert.Equal("source-literal", settings["B"].Value);
        Assert.Equal("pattern-high", settings["C"].Value);
        Assert.Equal("sourcetype", settings["K"].Value);
        Assert.Equal("default", settings["L"].Value);
        Assert.Empty(resolver.Settings("/other", "unknown", "h2"));
    }
}

public sealed class EventTypeSourceTypeTests
{
    [Theory]
    [InlineData("sourcetype=pan:traffic", "pan:traffic", true)]
    [InlineData("sourcetype=pan:traffic", "pan:threat", false)]
    [InlineData("sourcetype=pan_* OR sourcetype=pan:*", "pan:threat", true)]
    [InlineData("sourcetype=pan_traffic OR sourcetype=pan:traffic AND log_subtype=\"start\"", "pan:traffic", true)]
    [InlineData("sourcetype=pan_traffic OR sourcetype=pan:traffic AND log_subtype=\"start\"", "syslog", false)]
    [InlineData("sourcetype=\"aws:cloudtrail\" eventName=ConsoleLogin", "AWS:CloudTrail", true)]
    public void An_event_type_that_requires_a_sourcetype_is_tested_only_on_it(string search, string sourceType, bool tested)
    {
        var required = Ferret.Knowledge.Conf.SearchTime.ConfEventTypes.RequiredSourceTypes(search);

        Assert.NotNull(required);
        Assert.Equal(tested, required.IsMatch(sourceType));
    }

    [Theory]
    [InlineData("sourcetype=a OR action=blocked")]
    [InlineData("sourcetype=a OR sourcetype=b OR tag=network")]
    [InlineData("(sourcetype=a OR sourcetype=b) action=x")]
    [InlineData("tag=network sourcetype=a")]
    public void An_event_type_that_may_match_other_sourcetypes_is_tested_on_every_event(string search)
    {
        Assert.Null(Ferret.Knowledge.Conf.SearchTime.ConfEventTypes.RequiredSourceTypes(search));
    }
}
