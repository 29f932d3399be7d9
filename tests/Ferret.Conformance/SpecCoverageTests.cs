using System.Text.RegularExpressions;
using Ferret.Engine.Functions;
using Ferret.Spl.Tables;

namespace Ferret.Conformance;

/// <summary>
/// Every command and function the language registry declares (and every eval function the engine runs) is exercised
/// by at least one spec case: the spec suite is where SPL behaviour is pinned, so a registered name without a case is
/// behaviour nobody checks.
/// </summary>
public sealed class SpecCoverageTests
{
    private static readonly string[] Queries = SpecCatalog.Cases.Select(c => c.Query).ToArray();

    [Fact]
    public void Every_registered_command_has_a_spec_case()
    {
        var missing = CommandTable.All
            .Where(command => !new[] { command.Name }.Concat(command.Aliases).Any(UsedAsCommand))
            .Select(command => command.Name)
            .ToList();
        Assert.True(missing.Count == 0, "commands no spec case runs: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_registered_eval_function_has_a_spec_case()
    {
        var names = FunctionTable.Eval.Select(f => f.Name).Concat(FunctionLibrary.All.Select(f => f.Name))
            .Concat(FunctionLibrary.SpecialForms).Distinct(StringComparer.OrdinalIgnoreCase);
        var missing = names.Where(name => !CalledAnywhere(name)).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, "eval functions no spec case calls: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_registered_statistical_function_has_a_spec_case()
    {
        var missing = FunctionTable.Aggregates
            .Where(f => f.Name == "perc" ? Queries.Any(q => PercentileCall.IsMatch(q)) is false : !CalledAnywhere(f.Name))
            .Select(f => f.Name)
            .ToList();
        Assert.True(missing.Count == 0, "statistical functions no spec case calls: " + string.Join(", ", missing));
    }

    private static readonly Regex PercentileCall = new(@"\b(?:exactperc|upperperc|perc|p)\d+(?:\.\d+)?\(", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static bool UsedAsCommand(string name)
    {
        var pattern = new Regex(@"(?:^|\||\[)\s*" + Regex.Escape(name) + @"(?:\s|$|\]|\|)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        return Queries.Any(q => pattern.IsMatch(q));
    }

    private static bool CalledAnywhere(string name)
    {
        var pattern = new Regex(@"(?<![\w.])" + Regex.Escape(name) + @"\s*\(", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        return Queries.Any(q => pattern.IsMatch(q));
    }
}
