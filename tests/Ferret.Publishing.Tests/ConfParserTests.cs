using Ferret.Publishing.Conf;
using Ferret.Events;

namespace Ferret.Publishing.Tests;

public sealed class ConfParserTests
{
    [Fact]
    public void Stanzas_settings_comments_and_continuations_are_read()
    {
        const string text = "# a comment\n[first]\nkey = value\n  spaced   =   padded value  \n\n[second]\nsearch = line one\\\n| line two\\\n| line three\nafter = x\n";
        var problems = new ProblemCollector();

        var stanzas = ConfParser.Parse(text, "test.conf", problems);

        Assert.Empty(problems.Problems);
        Assert.Equal(["first", "second"], stanzas.Select(s => s.Name));
        Assert.Equal("value", stanzas[0]["key"]);
        Assert.Equal("padded value", stanzas[0]["spaced"]);
        Assert.Equal("line one\n| line two\n| line three", stanzas[1]["search"]);
        Assert.Equal("x", stanzas[1]["after"]);
    }

    [Fact]
    public void Settings_before_any_stanza_belong_to_default()
    {
        var stanzas = ConfParser.Parse("global = 1\n[s]\nk = v\n", "test.conf", new ProblemCollector());

        Assert.Equal(["default", "s"], stanzas.Select(s => s.Name));
        Assert.Equal("1", stanzas[0]["global"]);
    }

    [Fact]
    public void A_line_that_is_not_a_setting_is_reported_with_its_line_and_skipped()
    {
        var problems = new ProblemCollector();

        var stanzas = ConfParser.Parse("[s]\nk = v\nnot a setting\nj = w\n", "bad.conf", problems);

        var problem = Assert.Single(problems.Problems);
        Assert.Equal(("bad.conf", "line 3"), (problem.File, problem.Location));
        Assert.Equal(["k", "j"], stanzas[0].Settings.Select(s => s.Key));
    }

    [Theory]
    [InlineData("simple")]
    [InlineData("two\nlines")]
    [InlineData("  trimmed  ")]
    [InlineData("a line ending in a backslash\\\nthen more")]
    [InlineData("windows\r\nline breaks")]
    [InlineData("[looks like a stanza]\n# looks like a comment\nkey = looks like a setting")]
    public void Written_values_read_back_the_same(string value)
    {
        var written = ConfWriter.Write([new ConfStanza("s", [new("k", value), new("next", "n")])]);

        var stanza = Assert.Single(ConfParser.Parse(written, "round.conf", new ProblemCollector()));

        Assert.Equal(ConfWriter.NormalizeValue(value), stanza["k"]);
        Assert.Equal("n", stanza["next"]);
    }
}
