using System.Globalization;
using Ferret.Spl.Diagnostics;
using Ferret.Spl.Syntax;

namespace Ferret.Spl.Parsing;

/// <summary>Eval expressions. Precedence, loosest first, per the Search Manual ("Boolean expressions", order for eval
/// and where): XOR, OR, AND, NOT, then comparison (<c>= == != &lt; &lt;= &gt; &gt;= LIKE IN</c>), then
/// <c>+ - .</c>, then <c>* / %</c>, then unary minus. Keywords are accepted in any case.</summary>
internal sealed partial class Parser
{
    private Expression ParseExpression()
    {
        if (!Enter())
        {
            SkipToCommandEnd();
            return new MissingExpression(new TextSpan(position, 0));
        }

        var start = position;
        expressionNesting++;
        var result = ParseBinaryLevel(0);
        expressionNesting--;
        Leave();
        if (expressionNesting == 0 && ExpressionDepth.Exceeds(result, SplParser.MaxExpressionDepth))
        {
            // A chain of thousands of operators parses without recursion but makes a tree as deep as the chain, which
            // every later stage (binder, compiler, evaluator) would walk on the process stack: reported here instead.
            Report(DiagnosticFacts.ExpressionTooDeep(TextSpan.FromBounds(start, Math.Max(start, lastTokenEnd)), SplParser.MaxExpressionDepth));
            return new MissingExpression(TextSpan.FromBounds(start, Math.Max(start, lastTokenEnd)));
        }

        return result;
    }

    private static readonly (string Keyword, BinaryOperator Operator)[][] KeywordLevels =
    [
        [("XOR", BinaryOperator.Xor)],
        [("OR", BinaryOperator.Or)],
        [("AND", BinaryOperator.And)],
    ];

    private Expression ParseBinaryLevel(int level)
    {
        if (level == KeywordLevels.Length)
        {
            return ParseNot();
        }

        var start = position;
        var left = ParseBinaryLevel(level + 1);
        while (true)
        {
            var matched = false;
            foreach (var (keyword, op) in KeywordLevels[level])
            {
                if (TryKeyword(keyword))
                {
                    var right = ParseBinaryLevel(level + 1);
                    left = new BinaryExpression(op, left, right, SpanFrom(start));
                    matched = true;
                    break;
                }
            }

            if (!matched)
            {
                return left;
            }
        }
    }

    private Expression ParseNot()
    {
        SkipTrivia();
        var start = position;
        if (TryKeyword("NOT"))
        {
            if (!Enter())
            {
                SkipToCommandEnd();
                return new MissingExpression(new TextSpan(position, 0));
            }

            var operand = ParseNot();
            Leave();
            return new UnaryExpression(UnaryOperator.Not, operand, SpanFrom(start));
        }

        return ParseComparison();
    }

    private Expression ParseComparison()
    {
        SkipTrivia();
        var start = position;
        var left = ParseAdditive();
        while (true)
        {
            SkipTrivia();
            BinaryOperator? op = (Current, PeekAt(1)) switch
            {
                ('=', '=') => BinaryOperator.Equal,
                ('=', _) => BinaryOperator.Equal,
                ('!', '=') => BinaryOperator.NotEqual,
                ('<', '>') => BinaryOperator.NotEqual,
                ('<', '=') => BinaryOperator.LessOrEqual,
                ('>', '=') => BinaryOperator.GreaterOrEqual,
                ('<', _) when !(allowPlaceholders && TryPlaceholderLength() > 0) => BinaryOperator.Less,
                ('>', _) => BinaryOperator.Greater,
                _ => null,
            };
            if (op is { } symbol)
            {
                position += (Current, PeekAt(1)) is ('=', '=') or ('!', '=') or ('<', '>') or ('<', '=') or ('>', '=') ? 2 : 1;
                lastTokenEnd = position;
                left = new BinaryExpression(symbol, left, ParseAdditive(), SpanFrom(start));
            }
            else if (TryKeyword("LIKE"))
            {
                left = new BinaryExpression(BinaryOperator.Like, left, ParseAdditive(), SpanFrom(start));
            }
            else if (IsInListAhead())
            {
                TryKeyword("IN");
                var arguments = new List<Expression> { left };
                arguments.AddRange(ParseArgumentList());
                left = new FunctionCall("in", arguments, SpanFrom(start));
            }
            else
            {
                return left;
            }
        }
    }

    private Expression ParseAdditive()
    {
        SkipTrivia();
        var start = position;
        var left = ParseMultiplicative();
        while (true)
        {
            SkipTrivia();
            BinaryOperator? op = Current switch
            {
                '+' => BinaryOperator.Add,
                '-' => BinaryOperator.Subtract,
                '.' when !char.IsAsciiDigit(PeekAt(1)) => BinaryOperator.Concatenate,
                _ => null,
            };
            if (op is null)
            {
                return left;
            }

            position++;
            lastTokenEnd = position;
            left = new BinaryExpression(op.Value, left, ParseMultiplicative(), SpanFrom(start));
        }
    }

    private Expression ParseMultiplicative()
    {
        SkipTrivia();
        var start = position;
        var left = ParseUnary();
        while (true)
        {
            SkipTrivia();
            BinaryOperator? op = Current switch
            {
                '*' => BinaryOperator.Multiply,
                '/' => BinaryOperator.Divide,
                '%' => BinaryOperator.Modulo,
                _ => null,
            };
            if (op is null)
            {
                return left;
            }

            position++;
            lastTokenEnd = position;
            left = new BinaryExpression(op.Value, left, ParseUnary(), SpanFrom(start));
        }
    }

    private Expression ParseUnary()
    {
        SkipTrivia();
        var start = position;
        if (Current is '-' or '+')
        {
            var op = Current == '-' ? UnaryOperator.Negate : UnaryOperator.Plus;
            position++;
            lastTokenEnd = position;
            if (!Enter())
            {
                SkipToCommandEnd();
                return new MissingExpression(new TextSpan(position, 0));
            }

            var operand = ParseUnary();
            Leave();
            return new UnaryExpression(op, operand, SpanFrom(start));
        }

        return ParsePrimary();
    }

    private Expression ParsePrimary()
    {
        SkipTrivia();
        var start = position;
        switch (Current)
        {
            case '(':
                position++;
                lastTokenEnd = position;
                var inner = ParseExpression();
                if (!TryChar(')'))
                {
                    Report(DiagnosticFacts.UnbalancedParenthesis(new TextSpan(start, 1)));
                }

                return inner;
            case '"':
                var literal = ReadQuoted();
                return new StringLiteral(literal.Text, literal.Span);
            case '\'':
                return ReadQuotedField();
        }

        if (char.IsAsciiDigit(Current) || (Current == '.' && char.IsAsciiDigit(PeekAt(1))))
        {
            if (TryReadNumber() is { } number)
            {
                return number;
            }
        }

        var name = ReadBare(IsExpressionNameStop);
        if (name.Text.Length == 0)
        {
            var found = AtEnd ? "end of text" : Current.ToString();
            Report(DiagnosticFacts.ExpectedExpression(new TextSpan(position, AtEnd ? 0 : 1), $"but found '{found}'"));
            return new MissingExpression(new TextSpan(position, 0));
        }

        SkipTrivia();
        if (Current == '(')
        {
            var arguments = ParseArgumentList();
            return new FunctionCall(name.Text.ToLowerInvariant(), arguments, SpanFrom(start));
        }

        return new FieldExpression(name.Text, false, name.Span);
    }

    /// <summary>A name in an expression: letters, digits, <c>_ . : @ $ { }</c>; a dot is part of the name only when a
    /// name character follows it (<c>Processes.dest</c>), else it is the concatenation operator.</summary>
    private bool IsExpressionNameStop(char c)
    {
        if (IsNameChar(c) || c is ':' or '@' or '$' or '{' or '}')
        {
            return false;
        }

        return c != '.' || !(IsNameChar(PeekAt(1)) || PeekAt(1) == '{' || (allowPlaceholders && PeekAt(1) == '<'));
    }

    private FieldExpression ReadQuotedField()
    {
        var start = position;
        var close = text.IndexOf('\'', position + 1);
        if (close < 0)
        {
            Report(DiagnosticFacts.UnterminatedString(new TextSpan(start, 1)));
            close = text.Length;
            position = text.Length;
        }
        else
        {
            position = close + 1;
        }

        lastTokenEnd = position;
        return new FieldExpression(text[(start + 1)..close], true, TextSpan.FromBounds(start, position));
    }

    private NumberLiteral? TryReadNumber()
    {
        var start = position;
        var i = position;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        if (i < text.Length && text[i] == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))
        {
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }
        }

        if (i < text.Length && text[i] is 'e' or 'E')
        {
            var j = i + 1;
            if (j < text.Length && text[j] is '+' or '-')
            {
                j++;
            }

            if (j < text.Length && char.IsAsciiDigit(text[j]))
            {
                i = j;
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }
            }
        }

        if (i < text.Length && (IsNameChar(text[i]) || text[i] is '.' && i + 1 < text.Length && IsNameChar(text[i + 1])))
        {
            return null;
        }

        var numberText = text[start..i];
        position = i;
        lastTokenEnd = i;
        var value = double.TryParse(numberText, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : double.NaN;
        return new NumberLiteral(value, numberText, TextSpan.FromBounds(start, i));
    }

    /// <summary><c>( expr, expr, ... )</c> at the current <c>(</c>.</summary>
    private List<Expression> ParseArgumentList()
    {
        SkipTrivia();
        var open = position;
        position++;
        lastTokenEnd = position;
        var arguments = new List<Expression>();
        SkipTrivia();
        if (TryChar(')'))
        {
            return arguments;
        }

        while (true)
        {
            arguments.Add(ParseExpression());
            if (TryChar(','))
            {
                continue;
            }

            if (TryChar(')'))
            {
                return arguments;
            }

            if (AtCommandEnd || Current == ']')
            {
                Report(DiagnosticFacts.UnbalancedParenthesis(new TextSpan(open, 1)));
                return arguments;
            }

            var at = position;
            ReadBare(c => IsWhite(c) || c is ',' or ')' or '|' or ']');
            if (position == at)
            {
                position++;
            }

            Report(DiagnosticFacts.UnexpectedToken(TextSpan.FromBounds(at, position), Excerpt(at, position), "in the argument list"));
        }
    }
}
