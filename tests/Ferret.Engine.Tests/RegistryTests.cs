using Ferret.Engine.Aggregation;
using Ferret.Engine.Functions;
using Ferret.Spl.Tables;

namespace Ferret.Engine.Tests;

/// <summary>Each command and function is declared once, in Ferret.Spl's tables; these tests fail when what the engine
/// implements and what the tables (and the verdicts docs/spl-support.md prints) declare disagree.</summary>
public sealed class RegistryTests
{
    public static TheoryData<string> Commands => [.. CommandTable.All.Select(c => c.Name)];

    /// <summary>Arguments for the commands whose bare form is a different, unsupported use (listing every data model).</summary>
    private static readonly Dictionary<string, string> ArgumentsOf = new(StringComparer.Ordinal)
    {
        ["datamodel"] = " Endpoint Processes search",
        ["from"] = " datamodel:Endpoint.Processes",
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void A_declared_command_binds_to_an_operator_exactly_when_its_verdict_says_Ferret_runs_it(string name)
    {
        var command = CommandTable.Find(name)!;
        var invocation = name + ArgumentsOf.GetValueOrDefault(name, string.Empty);
        var spl = command.Kind == CommandKind.Generating ? $"| {invocation}" : $"| makeresults | {invocation}";

        var codes = SearchEngine.Compile(spl).Diagnostics.Select(d => d.Code).ToList();

        Assert.DoesNotContain("SPL3014", codes);
        var runs = !(EngineSupport.Command(command) ?? "no").StartsWith("no", StringComparison.Ordinal);
        Assert.Equal(!runs, codes.Contains("SPL3001"));
    }

    [Fact]
    public void Every_declared_eval_function_is_implemented_or_declared_not_supported()
    {
        var missing = FunctionTable.Eval
            .Where(f => !FunctionLibrary.TryGet(f.Name, out _) && !FunctionLibrary.SpecialForms.Contains(f.Name))
            .Where(f => !EngineSupport.Function(f).StartsWith("no", StringComparison.Ordinal))
            .Select(f => f.Name);

        Assert.Empty(missing);
    }

    [Fact]
    public void Every_implemented_eval_function_takes_the_arguments_its_declaration_says()
    {
        Assert.All(FunctionLibrary.All, spec => Assert.Same(FunctionTable.FindEval(spec.Name), spec.Declaration));
    }

    [Fact]
    public void Every_declared_statistical_function_is_computed_or_declared_not_supported()
    {
        var missing = FunctionTable.Aggregates
            .Where(f => !AggregateFunctions.TryCreateFactory(f.Name, out _) && !AggregateFunctions.TryCreateFactory(f.Name + "50", out _))
            .Where(f => !EngineSupport.Function(f).StartsWith("no", StringComparison.Ordinal))
            .Select(f => f.Name);

        Assert.Empty(missing);
    }

    [Theory]
    [InlineData("| makeresults | eval x=in(1)", "SPL3003")]
    [InlineData("| makeresults | eval x=if(1=1, 2)", "SPL3003")]
    [InlineData("| makeresults | eval x=lenn(\"a\")", "SPL3002")]
    [InlineData("| makeresults | eval x=lookup(\"t\", \"{}\")", "SPL3012")]
    public void Eval_calls_are_checked_against_the_declaration(string spl, string code)
    {
        Assert.Contains(code, SearchEngine.Compile(spl).Diagnostics.Select(d => d.Code));
    }
}
