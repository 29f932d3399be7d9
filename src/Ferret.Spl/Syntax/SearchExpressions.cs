using Ferret.Spl.Diagnostics;

namespace Ferret.Spl.Syntax;

/// <summary>A search-language expression (the leading search, <c>search</c>, tstats/inputlookup <c>where</c>).
/// Precedence per the Search Manual "Boolean expressions": NOT, then OR, then AND (explicit or implicit), so
/// <c>a OR b c</c> is <c>(a OR b) AND c</c>.</summary>
public abstract record SearchExpression(TextSpan Span) : SyntaxNode(Span);

/// <summary>A bare keyword, possibly with <c>*</c> wildcards. <see cref="Modifier"/> is <c>TERM</c> or <c>CASE</c>
/// when written as <c>TERM(x)</c> / <c>CASE(x)</c>, else null.</summary>
public sealed record SearchTerm(string Text, string? Modifier, TextSpan Span) : SearchExpression(Span);

/// <summary>A quoted phrase <c>"..."</c> (unescaped text).</summary>
public sealed record SearchPhrase(string Text, TextSpan Span) : SearchExpression(Span);

/// <summary><c>field=value</c>, <c>field!=value</c>, <c>field&lt;value</c>...; the value may hold <c>*</c> wildcards,
/// quoted or not (<see cref="Word.IsQuoted"/>). <c>index=</c>, <c>source=</c>, <c>sourcetype=</c>, <c>host=</c> are
/// comparisons too: the engine gives them their meaning.</summary>
public sealed record SearchComparison(Word Field, ComparisonOperator Operator, Word Value, TextSpan Span)
    : SearchExpression(Span);

/// <summary>A time modifier: <c>earliest=-24h@h</c>, <c>latest=now</c>, <c>_index_earliest=</c>... (name lower case).</summary>
public sealed record SearchTimeModifier(string Name, Word Value, TextSpan Span) : SearchExpression(Span);

/// <summary><c>field IN (v1, v2, ...)</c>.</summary>
public sealed record SearchIn(Word Field, IReadOnlyList<Word> Values, TextSpan Span) : SearchExpression(Span);

public sealed record SearchNot(SearchExpression Operand, TextSpan Span) : SearchExpression(Span);

/// <summary>Terms that must all match: implicit (juxtaposition) or explicit <c>AND</c>.</summary>
public sealed record SearchAnd(IReadOnlyList<SearchExpression> Operands, TextSpan Span) : SearchExpression(Span);

public sealed record SearchOr(IReadOnlyList<SearchExpression> Operands, TextSpan Span) : SearchExpression(Span);

/// <summary>A subsearch <c>[ ... ]</c> inside search terms; its results become search terms when run.</summary>
public sealed record SearchSubsearch(Pipeline Pipeline, TextSpan Span) : SearchExpression(Span);

public enum ComparisonOperator
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}
