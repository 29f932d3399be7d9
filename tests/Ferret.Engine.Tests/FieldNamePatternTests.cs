using System.Text.RegularExpressions;
using Ferret.Engine.Operators;
using Ferret.Events;
using static Ferret.Engine.Tests.Spl;

namespace Ferret.Engine.Tests;

public sealed class FieldNamePatternTests
{
    /// <summary>The regex every wildcard pattern was matched with before one-wildcard patterns got their own matcher.</summary>
    private static Regex RegexForm(string pattern) =>
        new("^" + string.Join("(.*?)", pattern.Split('*').Select(Regex.Escape)) + "$", RegexOptions.CultureInvariant | RegexOptions.Singleline);

    [Theory]
    [InlineData("Processes.*", "Processes.process_name")]
    [InlineData("Processes.*", "Processes.")]
    [InlineData("Processes.*", "processes.user")]
    [InlineData("Processes.*", "Processes")]
    [InlineData("*_name", "process_name")]
    [InlineData("*_name", "_name")]
    [InlineData("a*a", "a")]
    [InlineData("a*a", "aa")]
    [InlineData("a*a", "abca")]
    [InlineData("x*y", "x\ny")]
    [InlineData("*", "")]
    [InlineData("*", "anything")]
    [InlineData("a*b*c", "aXbYc")]
    [InlineData("a*b*c", "abX")]
    public void A_wildcard_pattern_matches_and_captures_what_its_regex_form_does(string pattern, string name)
    {
        var expected = RegexForm(pattern).Match(name);
        var field = new FieldNamePattern(pattern);

        Assert.Equal(expected.Success, field.IsMatch(name));
        Assert.Equal(expected.Success ? expected.Groups.Values.Skip(1).Select(g => g.Value).ToArray() : null, field.Captures(name));
    }

    [Theory]
    [InlineData("*", new[] { "process_name" }, "process_name")]
    [InlineData("bar*", new[] { "1" }, "bar1")]
    [InlineData("x*y", new string[0], "xy")]
    [InlineData("a*b*", new[] { "1", "2" }, "a1b2")]
    [InlineData("plain", new[] { "1" }, "plain")]
    public void Substitute_fills_the_wildcards_in_order(string target, string[] captures, string expected)
    {
        Assert.Equal(expected, FieldNamePattern.Substitute(target, captures));
    }

    public static TheoryData<string, string[]> RenamedFieldOrders => new()
    {
        { "rename Processes.* as *", ["a", "process_name", "user", "z", "_raw"] },
        { "rename Processes.process_name as process_name", ["a", "process_name", "Processes.user", "z", "_raw"] },
        { "rename Processes.user as a", ["Processes.process_name", "a", "z", "_raw"] },
        { "rename nothing.* as *", ["a", "Processes.process_name", "Processes.user", "z", "_raw"] },
        { "rename a as a", ["a", "Processes.process_name", "Processes.user", "z", "_raw"] },
        { "eval added=1 | rename Processes.process_name as process_name | eval later=2", ["a", "process_name", "Processes.user", "z", "_raw", "added", "later"] },
        { "eval added=1 | rename Processes.user as a | eval later=2", ["Processes.process_name", "a", "z", "_raw", "added", "later"] },
        { "rename Processes.* as *, z as y | eval later=2", ["a", "process_name", "user", "y", "_raw", "later"] },
    };

    [Theory]
    [MemberData(nameof(RenamedFieldOrders))]
    public void Rename_keeps_the_fields_in_their_order_and_a_renamed_field_replaces_one_of_the_same_name(string rename, string[] expected)
    {
        var e = Raw("e", ("a", "1"), ("Processes.process_name", "cmd.exe"), ("Processes.user", "bob"), ("z", "2"));

        var result = Assert.Single(Run("* | " + rename, e));

        Assert.Equal(expected, result.Fields.Keys.ToArray());
    }
}
