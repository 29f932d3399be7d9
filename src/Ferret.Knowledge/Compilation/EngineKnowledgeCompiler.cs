using Ferret.Engine;
using Ferret.Events;

namespace Ferret.Knowledge.Compilation;

/// <summary>Compiles knowledge expressions with Ferret's engine (<see cref="ExpressionEvaluator"/>,
/// <see cref="SearchPredicate"/>), so a calculated field means exactly what the same expression means in an
/// <c>eval</c> command, and an event type what its terms mean after <c>search</c>.</summary>
public sealed class EngineKnowledgeCompiler : IKnowledgeCompiler
{
    public Func<Event, FieldValue>? CompileEval(string expression, out IReadOnlyList<string> errors)
    {
        var compiled = ExpressionEvaluator.Compile(expression);
        errors = [.. compiled.Diagnostics.Where(d => d.IsError).Select(d => $"{d.Code} at {d.Span.Start}: {d.Message}")];
        return compiled.HasErrors ? null : compiled.Evaluate;
    }

    public Func<Event, bool>? CompileSearch(string searchTerms, out IReadOnlyList<string> errors)
    {
        var compiled = SearchPredicate.Compile(searchTerms);
        errors = [.. compiled.Diagnostics.Where(d => d.IsError).Select(d => $"{d.Code} at {d.Span.Start}: {d.Message}")];
        return compiled.HasErrors ? null : compiled.Matches;
    }
}
