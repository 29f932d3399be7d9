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

    /// <summary>Each command's behaviour is found where a reader looks for it: a folder named after the command (or an
    /// alias) whose spec files run it.</summary>
    [Fact]
    public void Every_registered_command_has_its_own_spec_folder()
    {
        var missing = CommandTable.All
            .Where(command => !new[] { command.Name }.Concat(command.Aliases).Any(name => UsedAsCommand(name, InFolder(name))))
            .Select(command => command.Name)
            .ToList();
        Assert.True(missing.Count == 0, "commands without a spec folder spl/<command>/ whose cases run them: " + string.Join(", ", missing));
    }

    /// <summary>Each eval function is pinned in the eval function spec files (spl/functions/, spl/eval/), each statistical
    /// function in those of the commands that aggregate (spl/stats/, spl/eventstats/, spl/streamstats/, spl/timechart/,
    /// spl/chart/, spl/tstats/).</summary>
    [Fact]
    public void Every_registered_function_has_a_case_in_its_spec_files()
    {
        var evalQueries = InFolder("functions").Concat(InFolder("eval")).ToArray();
        var evalMissing = FunctionTable.Eval.Select(f => f.Name)
            .Where(name => !CalledAnywhere(name, evalQueries)).Order(StringComparer.Ordinal).ToList();
        var statsQueries = AggregatingCommandFolders.SelectMany(InFolder).ToArray();
        var statsMissing = FunctionTable.Aggregates.Where(f => f.Name != "perc").Select(f => f.Name)
            .Where(name => !CalledAnywhere(name, statsQueries)).Order(StringComparer.Ordinal).ToList();
        Assert.True(evalMissing.Count + statsMissing.Count == 0,
            "eval functions without a case in spl/functions or spl/eval: " + string.Join(", ", evalMissing)
            + "; statistical functions without a case in the aggregating commands' folders: " + string.Join(", ", statsMissing));
    }

    private static readonly string[] AggregatingCommandFolders = ["stats", "eventstats", "streamstats", "timechart", "chart", "tstats"];

    private static string[] InFolder(string folder) =>
        SpecCatalog.Cases.Where(c => c.File.StartsWith(folder + "/", StringComparison.OrdinalIgnoreCase)).Select(c => c.Query).ToArray();

    private static readonly Regex PercentileCall = new(@"\b(?:exactperc|upperperc|perc|p)\d+(?:\.\d+)?\(", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static bool UsedAsCommand(string name) => UsedAsCommand(name, Queries);

    private static bool UsedAsCommand(string name, IEnumerable<string> queries)
    {
        var pattern = new Regex(@"(?:^|\||\[)\s*" + Regex.Escape(name) + @"(?:\s|$|\]|\|)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        return queries.Any(q => pattern.IsMatch(q));
    }

    private static bool CalledAnywhere(string name) => CalledAnywhere(name, Queries);

    private static bool CalledAnywhere(string name, IEnumerable<string> queries)
    {
        var pattern = new Regex(@"(?<![\w.])" + Regex.Escape(name) + @"\s*\(", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        return queries.Any(q => pattern.IsMatch(q));
    }
}
