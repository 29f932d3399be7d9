using Ferret.Spl.Diagnostics;
using Ferret.Spl.Parsing;
using Ferret.Spl.Syntax;

namespace Ferret.Spl;

/// <summary>The entry points of the SPL parser. None of them throws on any input: problems come back as diagnostics
/// next to a tree that holds everything that could be read.</summary>
public static class SplParser
{
    /// <summary>How deep an expression tree may be (operators and calls nested in one another, a chain of
    /// <c>a AND b AND ...</c> counting one level per operator): deeper ones are an error (SPL1013), so no later stage
    /// walks a tree deep enough to overflow the stack of a worker thread. Fixed, not a limits.conf setting.</summary>
    public const int MaxExpressionDepth = 1000;

    /// <summary>Parses a whole search (already macro-expanded): the leading search or generating command, then each <c>| command</c>.</summary>
    public static SplParseResult Parse(string text)
    {
        var parser = new Parser(text ?? "");
        var pipeline = parser.ParseTopLevelPipeline();
        return new SplParseResult(pipeline, parser.Diagnostics);
    }

    /// <summary>Parses an eval expression on its own (e.g. a calculated field of an add-on).</summary>
    public static ExpressionParseResult ParseExpression(string text)
    {
        var parser = new Parser(text ?? "");
        var expression = parser.ParseStandaloneExpression();
        return new ExpressionParseResult(expression, parser.Diagnostics);
    }

    /// <summary>Parses search terms on their own (e.g. an eventtype's search).</summary>
    public static SearchParseResult ParseSearchExpression(string text)
    {
        var parser = new Parser(text ?? "");
        var expression = parser.ParseStandaloneSearch();
        return new SearchParseResult(expression, parser.Diagnostics);
    }
}

public sealed record SplParseResult(Pipeline Pipeline, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}

public sealed record ExpressionParseResult(Expression? Expression, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}

public sealed record SearchParseResult(SearchExpression? Expression, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
