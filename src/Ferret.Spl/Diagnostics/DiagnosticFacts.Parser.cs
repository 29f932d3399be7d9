namespace Ferret.Spl.Diagnostics;

public static partial class DiagnosticFacts
{
    public const string UnterminatedStringCode = "SPL1001";
    public const string UnexpectedCharacterCode = "SPL1002";
    public const string ExpectedCommandNameCode = "SPL1003";
    public const string UnbalancedParenthesisCode = "SPL1004";
    public const string UnbalancedBracketCode = "SPL1005";
    public const string ExpectedExpressionCode = "SPL1006";
    public const string UnexpectedTokenCode = "SPL1007";
    public const string MissingArgumentCode = "SPL1008";
    public const string EmptyPipelineCode = "SPL1009";
    public const string InvalidArgumentCode = "SPL1010";
    public const string NestingTooDeepCode = "SPL1011";
    public const string UnterminatedCommentCode = "SPL1012";
    public const string ExpressionTooDeepCode = "SPL1013";
    public const string InternalErrorCode = "SPL1099";

    public static Diagnostic UnterminatedString(TextSpan span) =>
        Error(UnterminatedStringCode, span, "unterminated quoted string: the closing quote is missing");

    public static Diagnostic UnexpectedCharacter(TextSpan span, char character) =>
        Error(UnexpectedCharacterCode, span, $"unexpected character '{character}'");

    public static Diagnostic ExpectedCommandName(TextSpan span, string found) =>
        Error(ExpectedCommandNameCode, span, found.Length == 0
            ? "expected a command name after '|'"
            : $"expected a command name after '|', found '{found}'");

    public static Diagnostic UnbalancedParenthesis(TextSpan span) =>
        Error(UnbalancedParenthesisCode, span, "unbalanced parenthesis: '(' without a matching ')'");

    public static Diagnostic UnbalancedBracket(TextSpan span) =>
        Error(UnbalancedBracketCode, span, "unbalanced bracket: '[' without a matching ']' (subsearch not closed)");

    public static Diagnostic ExpectedExpression(TextSpan span, string context) =>
        Error(ExpectedExpressionCode, span, $"expected an expression {context}");

    public static Diagnostic UnexpectedToken(TextSpan span, string found, string context) =>
        Error(UnexpectedTokenCode, span, $"unexpected '{found}' {context}");

    public static Diagnostic MissingArgument(TextSpan span, string command, string what) =>
        Error(MissingArgumentCode, span, $"{command}: missing {what}");

    public static Diagnostic EmptyPipeline(TextSpan span) =>
        Error(EmptyPipelineCode, span, "empty search: there is no command");

    public static Diagnostic InvalidArgument(TextSpan span, string command, string detail) =>
        Error(InvalidArgumentCode, span, $"{command}: {detail}");

    public static Diagnostic NestingTooDeep(TextSpan span) =>
        Error(NestingTooDeepCode, span, "expression or subsearch nested too deeply");

    public static Diagnostic ExpressionTooDeep(TextSpan span, int limit) =>
        Error(ExpressionTooDeepCode, span, $"expression nested more than {limit} operators deep (expression depth limit, docs/limits.md); split it into several eval or where commands");

    public static Diagnostic UnterminatedComment(TextSpan span) =>
        Error(UnterminatedCommentCode, span, "unterminated comment: '```' without a closing '```'");

    public static Diagnostic InternalError(TextSpan span, string detail) =>
        Error(InternalErrorCode, span, $"internal parser error (please report this search): {detail}");
}
