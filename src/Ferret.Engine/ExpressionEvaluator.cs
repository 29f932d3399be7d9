using Ferret.Engine.Functions;
using Ferret.Engine.Planning;
using Ferret.Events;
using Ferret.Spl;
using Ferret.Spl.Diagnostics;

namespace Ferret.Engine;

/// <summary>An eval expression on its own (calculated fields of add-ons), compiled once and evaluated on any thread.</summary>
public static class ExpressionEvaluator
{
    public static CompiledExpression Compile(string evalExpression)
    {
        var parsed = SplParser.ParseExpression(evalExpression ?? string.Empty);
        var bind = new BindContext();
        bind.ReportAll(parsed.Diagnostics);
        var evaluator = parsed.Expression is null ? null : new ExpressionCompiler(bind).Compile(parsed.Expression);
        return new CompiledExpression(evaluator, bind.Diagnostics);
    }
}

public sealed class CompiledExpression
{
    private readonly Evaluator? _evaluator;

    internal CompiledExpression(Evaluator? evaluator, IReadOnlyList<Diagnostic> diagnostics)
    {
        _evaluator = evaluator;
        Diagnostics = diagnostics;
        HasErrors = diagnostics.Any(d => d.IsError);
    }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Computed once: knowledge evaluates compiled expressions for every event.</summary>
    public bool HasErrors { get; }

    /// <summary>The value for <paramref name="e"/>; null when the expression has errors. A boolean becomes "true"/"false".</summary>
    public FieldValue Evaluate(Event e) => Evaluate(e, EvalRuntime.Default);

    public FieldValue Evaluate(Event e, EvalRuntime runtime) =>
        HasErrors || _evaluator is null ? FieldValue.Null : _evaluator(e, runtime).Field;

    /// <summary>Whether the expression is true for <paramref name="e"/> (eventtype and constraint conditions).</summary>
    public bool IsTrue(Event e) => !HasErrors && _evaluator is not null && FunctionLibrary.IsTrue(_evaluator(e, EvalRuntime.Default));
}

/// <summary>Search terms on their own (eventtype searches, data model constraints), compiled once, matched on any thread.</summary>
public static class SearchPredicate
{
    public static CompiledPredicate Compile(string searchTerms)
    {
        var parsed = SplParser.ParseSearchExpression(searchTerms ?? string.Empty);
        var bind = new BindContext();
        bind.ReportAll(parsed.Diagnostics);
        var predicate = parsed.Expression is null ? (_, _) => true : new SearchCompiler(bind).Compile(parsed.Expression);
        return new CompiledPredicate(predicate, bind.Diagnostics);
    }
}

public sealed class CompiledPredicate
{
    private readonly Predicate _predicate;

    internal CompiledPredicate(Predicate predicate, IReadOnlyList<Diagnostic> diagnostics)
    {
        _predicate = predicate;
        Diagnostics = diagnostics;
        HasErrors = diagnostics.Any(d => d.IsError);
    }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Computed once: knowledge matches compiled predicates against every event.</summary>
    public bool HasErrors { get; }

    public bool Matches(Event e) => !HasErrors && _predicate(e, EvalRuntime.Default);
}
