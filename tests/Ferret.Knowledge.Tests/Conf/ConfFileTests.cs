using Ferret.Knowledge.Conf;
using Ferret.Knowledge.Loading;

namespace Ferret.Knowledge.Tests.Conf;

public sealed class ConfFileTests
{
    [Fact]
    public void Stanzas_settings_comments_and_continued_lines_are_read()
    {
        const string text = """
            # a comment
            top = before any stanza
            [my:sourcetype]
            EXTRACT-a = (?<a>\d+)
              # an indented comment
            EVAL-b = if(a > 1, \
              "big", "small")
            [source::/var/log/...]
            TZ = UTC
            """;
        var problems = new List<KnowledgeProblem>();

        var stanzas = ConfFile.Parse("props.conf", text, problems);

        Assert.Empty(problems);
        Assert.Equal(["default", "my:sourcetype", "source::/var/log/..."], stanzas.Select(s => s.Name));
        Assert.Equal("before any stanza", stanzas[0]["top"]);
        Assert.Equal(@"(?<a>\d+)", stanzas[1]["EXTRACT-a"]);
        Assert.Equal("if(a > 1, \n  \"big\", \"small\")", stanzas[1]["EVAL-b"]);
        Assert.Equal(6, stanzas[1].Setting("EVAL-b")!.Line);
    }

    [Fact]
    public void A_line_that_is_not_a_setting_is_reported_with_file_and_line_and_the_rest_loads()
    {
        var problems = new List<KnowledgeProblem>();

        var stanzas = ConfFile.Parse("props.conf", "[a]\nthis is wrong\nKV_MODE = json\n[b\nX = 1\n", problems);

        Assert.Equal(["props.conf:2:1", "props.conf:4:1"], problems.Select(p => $"{p.File}:{p.Line}:{p.Column}"));
        Assert.Equal("json", stanzas[1]["KV_MODE"]);
        Assert.Equal("1", stanzas[1]["X"]);
    }

    [Fact]
    public void Local_beats_default_and_an_app_named_first_beats_later_ones_and_all_beat_ferrets_own()
    {
        static SplunkApp App(string name, string defaultProps, string localProps = "") =>
            new(name, [($"{name}/default/props.conf", defaultProps)], localProps.Length == 0 ? [] : [($"{name}/local/props.conf", localProps)], new Dictionary<string, Func<TextReader>>());
        var own = App("ferret_knowledge", "[st]\nA = own\nB = own\nC = own\nD = own\n");
        var user = new[]
        {
            App("Zeta", "[st]\nA = zeta-default\nB = zeta-default\n", "[st]\nC = zeta-local\n"),
            App("Alpha", "[st]\nA = alpha-default\n"),
        };

        var layers = new ConfLayers([own], user, new List<KnowledgeProblem>());

        var stanza = layers.Stanza("props", "st")!;
        Assert.Equal("alpha-default", stanza["A"]);
        Assert.Equal("zeta-default", stanza["B"]);
        Assert.Equal("zeta-local", stanza["C"]);
        Assert.Equal("own", stanza["D"]);
    }
}
