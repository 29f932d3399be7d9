using Ferret.Spl.Diagnostics;
using Ferret.Spl.Syntax;

namespace Ferret.Spl.Parsing;

/// <summary>
/// Recursive-descent parser over the raw text. SPL's lexical rules depend on the context (a search term, an eval
/// expression and a rex pattern split text differently), so the lexing primitives live in this class
/// (<c>Parser.Lexing.cs</c>) and each construct reads the tokens it expects. It never throws: a missing piece gets a
/// diagnostic and a placeholder, and unreadable text up to the next <c>|</c> is skipped with a diagnostic.
/// </summary>
internal sealed partial class Parser
{
    /// <summary>Deeper nesting than this (parentheses, subsearches) is reported rather than risking the stack.</summary>
    private const int MaxNesting = 150;

    private readonly string text;
    private readonly List<Diagnostic> diagnostics = [];
    private int position;
    private int lastTokenEnd;
    private int subsearchDepth;
    private int nesting;

    /// <summary>How many expressions enclose the one being parsed: the outermost one's depth is measured when it ends.</summary>
    private int expressionNesting;
    private bool nestingReported;

    /// <summary>True inside a foreach template: <c>&lt;&lt;FIELD&gt;&gt;</c> and its kin are read as parts of names.</summary>
    private bool allowPlaceholders;

    public Parser(string text)
    {
        this.text = text;
    }

    public IReadOnlyList<Diagnostic> Diagnostics => diagnostics;

    public Pipeline ParseTopLevelPipeline()
    {
        var pipeline = Guarded(() => ParsePipeline(firstIsCommand: false), () => new Pipeline([], new TextSpan(0, text.Length)));
        if (pipeline.Commands.Count == 0 && diagnostics.Count == 0)
        {
            Report(DiagnosticFacts.EmptyPipeline(new TextSpan(0, text.Length)));
        }

        return pipeline;
    }

    public Expression? ParseStandaloneExpression() => Guarded<Expression?>(() =>
    {
        SkipTrivia();
        if (AtEnd)
        {
            Report(DiagnosticFacts.ExpectedExpression(new TextSpan(0, 0), "(the text is empty)"));
            return null;
        }

        var expression = ParseExpression();
        ReportLeftovers("after the expression");
        return expression;
    }, () => null);

    public SearchExpression? ParseStandaloneSearch() => Guarded(() =>
    {
        var expression = ParseSearchQuery(stopAtBy: false);
        ReportLeftovers("after the search terms");
        return expression;
    }, () => null);

    private void ReportLeftovers(string context)
    {
        SkipTrivia();
        while (!AtEnd)
        {
            var start = position;
            if (Current is ']' or ')')
            {
                position++;
            }
            else
            {
                SkipToCommandEnd();
                if (position == start)
                {
                    position++;
                }
            }

            Report(DiagnosticFacts.UnexpectedToken(TextSpan.FromBounds(start, position), Excerpt(start, position), context));
            SkipTrivia();
        }
    }

    /// <summary>The last line of defence for "never throws": a bug in a parse method becomes a diagnostic.</summary>
    private T Guarded<T>(Func<T> parse, Func<T> fallback)
    {
        try
        {
            return parse();
        }
#pragma warning disable CA1031 // the parser's contract is to never throw on user input
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Report(DiagnosticFacts.InternalError(new TextSpan(Math.Min(position, text.Length), 0), exception.Message));
            return fallback();
        }
    }

    /// <summary>Records a diagnostic, its span clamped to the text (a span past the end would mislead position mapping).</summary>
    private void Report(Diagnostic diagnostic)
    {
        var start = Math.Clamp(diagnostic.Span.Start, 0, text.Length);
        var end = Math.Clamp(diagnostic.Span.End, start, text.Length);
        diagnostics.Add(diagnostic.WithSpan(TextSpan.FromBounds(start, end)));
    }

    private TextSpan SpanFrom(int start) => TextSpan.FromBounds(start, Math.Max(start, lastTokenEnd));

    private string Excerpt(int start, int end)
    {
        var length = Math.Min(end - start, 40);
        return length <= 0 ? "" : string.Concat(text.AsSpan(start, length), end - start > 40 ? "..." : "");
    }

    /// <summary>Enters one level of nesting; false (with one diagnostic per parse) when too deep.</summary>
    private bool Enter()
    {
        if (nesting >= MaxNesting)
        {
            if (!nestingReported)
            {
                Report(DiagnosticFacts.NestingTooDeep(new TextSpan(position, 1)));
                nestingReported = true;
            }

            return false;
        }

        nesting++;
        return true;
    }

    private void Leave() => nesting--;
}
