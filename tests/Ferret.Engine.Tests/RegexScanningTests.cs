using System.Text.RegularExpressions;
using Ferret.Engine.Text;

namespace Ferret.Engine.Tests;

/// <summary>The automaton a pattern of <see cref="RegexCache"/> takes to test long texts (<see cref="RegexCache.ForMatching"/>):
/// built once the pattern met enough long texts, never for short ones, and giving the backtracking regex's answers.</summary>
public sealed class RegexScanningTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private static readonly string LongScript = string.Concat(Enumerable.Repeat("$wc = New-Object System.Net.WebClient; ", 12));

    private static readonly string[] Texts =
    [
        "iex",
        "Invoke-Expression",
        LongScript,
        LongScript + "Invoke-Mimikittenz -Verbose",
        LongScript + "powershell -EncodedCommand " + new string('A', 60) + "==",
        LongScript + "GET-SYSTEM",
        LongScript.ToUpperInvariant(),
        LongScript + "-e" + new string('n', 12),
    ];

    [Theory]
    [InlineData("(?i)Add-Persistence|Get-System|Invoke-Mimikittenz|Invoke-Shellcode\\.test1")]
    [InlineData("[A-Za-z0-9+\\/]{44,}([A-Za-z0-9+\\/]{4}|[A-Za-z0-9+\\/]{3}=|[A-Za-z0-9+\\/]{2}==)(?#test2)")]
    [InlineData("(?i)[-]e(nc*o*d*e*d*c*o*m*m*a*n*d*)*\\s+[^-](?#test3)")]
    [InlineData("(?i)system\\.net\\.WEBCLIENT(?#test4)")]
    [InlineData("^iex$(?#test5)")]
    public void A_long_text_is_tested_by_the_automaton_with_the_backtracking_answer(string pcre)
    {
        var expected = Texts.Select(t => new Regex(pcre, RegexOptions.CultureInvariant).IsMatch(t)).ToList();
        Assert.True(RegexCache.TryGet(pcre, RegexOptions.None, Timeout, out var regex, out var error), error);

        var answers = new List<bool>();
        for (var round = 0; round < RegexCache.ScanAfterLongTexts + 2; round++)
        {
            answers = Texts.Select(t => RegexCache.ForMatching(regex, t.Length).IsMatch(t)).ToList();
            Assert.Equal(expected, answers);
        }

        Assert.True(RegexCache.ForMatching(regex, LongScript.Length).Options.HasFlag(RegexOptions.NonBacktracking));
        Assert.Equal(Timeout, RegexCache.ForMatching(regex, LongScript.Length).MatchTimeout);
        Assert.Same(regex, RegexCache.ForMatching(regex, RegexCache.LongText - 1));
    }

    [Fact]
    public void A_pattern_met_by_fewer_long_texts_than_the_threshold_stays_backtracking()
    {
        Assert.True(RegexCache.TryGet("(?i)rarely(?#test6)", RegexOptions.None, Timeout, out var regex, out _));
        for (var use = 1; use < RegexCache.ScanAfterLongTexts; use++)
        {
            Assert.Same(regex, RegexCache.ForMatching(regex, LongScript.Length));
        }
    }

    [Theory]
    [InlineData("(\\w)\\1(?#test7)")]
    [InlineData("web(?=client)(?#test8)")]
    [InlineData("a++b(?#test9)")]
    public void A_pattern_the_automaton_cannot_run_keeps_its_backtracking_regex(string pcre)
    {
        Assert.True(RegexCache.TryGet(pcre, RegexOptions.None, Timeout, out var regex, out var error), error);
        for (var use = 0; use < RegexCache.ScanAfterLongTexts * 2; use++)
        {
            Assert.Same(regex, RegexCache.ForMatching(regex, LongScript.Length));
        }
    }

    [Fact]
    public void A_regex_from_outside_the_cache_is_used_as_it_is()
    {
        var regex = new Regex("webclient", RegexOptions.None, Timeout);
        for (var use = 0; use < RegexCache.ScanAfterLongTexts * 2; use++)
        {
            Assert.Same(regex, RegexCache.ForMatching(regex, LongScript.Length));
        }
    }

    [Fact]
    public void A_nested_quantifier_that_backtracks_exponentially_answers_at_once_as_an_automaton()
    {
        var pcre = "(?i)[-]e(nc*o*d*e*d*c*o*m*m*a*n*d*)*\\s+[^-](?#test10)";
        Assert.True(RegexCache.TryGet(pcre, RegexOptions.None, TimeSpan.FromSeconds(1), out var regex, out _));
        for (var use = 0; use < RegexCache.ScanAfterLongTexts; use++)
        {
            _ = RegexCache.ForMatching(regex, LongScript.Length).IsMatch(LongScript);
        }

        var evil = LongScript + "-e" + new string('n', 5000);
        Assert.DoesNotMatch(RegexCache.ForMatching(regex, evil.Length), evil);
        Assert.Throws<RegexMatchTimeoutException>(() => regex.IsMatch(evil));
    }
}
