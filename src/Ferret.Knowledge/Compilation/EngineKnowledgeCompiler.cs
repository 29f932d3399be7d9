using Ferret.Engine.Functions;
using Ferret.Engine.Planning;
using Ferret.Events;
using Ferret.Spl;

namespace Ferret.Knowledge.Compilation;

/// <summary>Compiles knowledge expressions with Ferret's SPL parser and engine, so a calculated field means
/// exactly what the same expression means in an <c>eval</c> command.</summary>
public sealed class EngineKnowledgeCompiler : IKnowledgeCompiler
{
    public Func<Event, FieldValue>? CompileEval(string expression, out IReadOnlyList<string> errors)
    {
        var parsed = SplParser.ParseExpression(expression);
        var parseErrors = parsed.Diagnostics.Where(d => d.IsError).Select(d => $"{d.Code} at {d.Span.Start}: {d.Message}").ToList();
        if (parsed.Expression is null || parseErrors.Count > 0)
        {
            errors = parseErrors.Count > 0 ? parseErrors : ["not an eval expression"];
            return null;
        }

        var bind = new BindContext();
        var evaluator = new ExpressionCompiler(bind).Compile(parsed.Expression);
        if (bind.HasErrors)
        {
            errors = [.. bind.Diagnostics.Where(d => d.IsError).Select(d => $"{d.Code}: {d.Message}")];
            return null;
        }

        errors = [];
        return e => evaluator(e, EvalRuntime.Default).Field;
    }

    public Func<Event, bool>? CompileSearch(string searchTerms, out IReadOnlyList<string> errors)
    {
        var parsed = SplParser.ParseSearchExpression(searchTerms);
        var parseErrors = parsed.Diagnostics.Where(d => d.IsError).Select(d => $"{d.Code} at {d.Span.Start}: {d.Message}").ToList();
        if (parsed.Expression is null || parseErrors.Count > 0)
        {
            errors = parseErrors.Count > 0 ? parseErrors : ["not a search expression"];
            return null;
        }

        var bind = new BindContext();
        var predicate = new SearchCompiler(bind).Compile(parsed.Expression);
        if (bind.HasErrors)
        {
            errors = [.. bind.Diagnostics.Where(d => d.IsError).Select(d => $"{d.Code}: {d.Message}")];
            return null;
        }

        errors = [];
        return e => predicate(e, EvalRuntime.Default);
    }
}
