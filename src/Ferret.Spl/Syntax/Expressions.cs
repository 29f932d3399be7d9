using Ferret.Spl.Diagnostics;

namespace Ferret.Spl.Syntax;

/// <summary>An eval expression (eval, where, stats <c>eval(...)</c>, fillnull values...). Operator precedence follows
/// the Search Manual "Boolean expressions": NOT, then AND, then OR, then XOR; comparison binds tighter than NOT.</summary>
public abstract record Expression(TextSpan Span) : SyntaxNode(Span);

public sealed record StringLiteral(string Value, TextSpan Span) : Expression(Span);

/// <summary>A number as written (<see cref="Text"/>) and its value.</summary>
public sealed record NumberLiteral(double Value, string Text, TextSpan Span) : Expression(Span);

/// <summary>A field reference: a bare name (<c>process_name</c>, <c>Processes.dest</c>) or a single-quoted one
/// (<c>'Processes.process'</c>, which is always a field).</summary>
public sealed record FieldExpression(string Name, bool IsQuoted, TextSpan Span) : Expression(Span);

public sealed record UnaryExpression(UnaryOperator Operator, Expression Operand, TextSpan Span) : Expression(Span);

public sealed record BinaryExpression(BinaryOperator Operator, Expression Left, Expression Right, TextSpan Span)
    : Expression(Span);

/// <summary>A function call; <see cref="Name"/> is lower case (eval function names are case-insensitive).
/// <c>x IN (a, b)</c> in where is parsed as the call <c>in(x, a, b)</c>.</summary>
public sealed record FunctionCall(string Name, IReadOnlyList<Expression> Arguments, TextSpan Span) : Expression(Span);

public enum UnaryOperator
{
    Not,
    Negate,
    Plus,
}

public enum BinaryOperator
{
    Multiply,
    Divide,
    Modulo,
    Add,
    Subtract,
    Concatenate,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Like,
    And,
    Or,
    Xor,
}

/// <summary>Stands where an expression was required but missing; the parser reported an error there.</summary>
public sealed record MissingExpression(TextSpan Span) : Expression(Span);
