using Ferret.Engine.Text;
using Ferret.Events;

namespace Ferret.Engine.Tests;

using static Spl;

/// <summary>PCRE to .NET translation (Search Reference, "About Splunk regular expressions") and runaway patterns.</summary>
public sealed class RegexTests
{
    [Theory]
    [InlineData("(?P<user>\\w+)", "(?<user>\\w+)")]
    [InlineData("(?P<a>x)(?P=a)", "(?<a>x)\\k<a>")]
    [InlineData("\\Qa.b*c\\E+", "a\\.b\\*c+")]
    [InlineData("a++b", "(?>a+)b")]
    [InlineData("(ab)*+c", "(?>(ab)*)c")]
    [InlineData("[[:alpha:]]+", "[a-zA-Z]+")]
    [InlineData("\\x{41}", "\\u0041")]
    [InlineData("(?i)abc", "(?i)abc")]
    [InlineData("(?>a|ab)c", "(?>a|ab)c")]
    [InlineData("a{2,3}+", "(?>a{2,3})")]
    [InlineData("(?i)\\__output", "(?i)__output")]
    [InlineData("[a-z\\_\\-]", "[a-z_\\-]")]
    public void Pcre_translates_to_dotnet(string pcre, string expected)
    {
        Assert.True(PcreTranslator.TryTranslate(pcre, out var dotnet, out var error), error);
        Assert.Equal(expected, dotnet);
    }

    [Theory]
    [InlineData("a\\Kb")]
    [InlineData("(?R)")]
    [InlineData("(?|a)")]
    [InlineData("[abc")]
    public void Unsupported_pcre_is_rejected_with_a_reason(string pcre)
    {
        Assert.False(PcreTranslator.TryTranslate(pcre, out _, out var error));
        Assert.NotEmpty(error);
    }

    [Fact]
    public void A_runaway_pattern_is_reported_with_the_label_and_event_and_the_run_continues()
    {
        var problems = new ProblemCollector();
        var context = new SearchContext { Clock = TimeProvider.System, Problems = problems, RegexTimeout = TimeSpan.FromMilliseconds(50), Label = "Runaway Detection" };
        var evil = Raw(new string('a', 40) + "!", ("f", new string('a', 40) + "!"));
        var fine = Raw("ok", ("f", "aaa"));
        var results = SearchEngine.Compile("* | regex f=\"^(a+)+$\"").Run([evil, fine], context).ToList();
        Assert.Equal(["aaa"], results.Column("f"));
        var problem = Assert.Single(problems.Problems);
        Assert.Equal("Runaway Detection", problem.File);
        Assert.Contains("timeout", problem.Message, StringComparison.Ordinal);
        Assert.Contains("_raw=aaaa", problem.Location, StringComparison.Ordinal);
    }
}
