namespace Ferret.Spl.Diagnostics;

/// <summary>SPL3xxx: binding a syntax tree to the engine's operators, and what the engine cannot honour.</summary>
public static partial class DiagnosticFacts
{
    public const string CommandNotSupportedCode = "SPL3001";
    public const string UnknownFunctionCode = "SPL3002";
    public const string WrongArgumentCountCode = "SPL3003";
    public const string InvalidRegexCode = "SPL3004";
    public const string InvalidTimeModifierCode = "SPL3005";
    public const string UnknownStatsFunctionCode = "SPL3006";
    public const string InvalidOptionValueCode = "SPL3007";
    public const string OptionNotSupportedCode = "SPL3008";
    public const string MissingCommandArgumentCode = "SPL3009";
    public const string CommandNotFirstCode = "SPL3010";
    public const string BooleanEvalResultCode = "SPL3011";
    public const string FunctionNotSupportedCode = "SPL3012";
    public const string UnknownConversionCode = "SPL3013";
    public const string UnknownCommandCode = "SPL3014";

    /// <summary>Codes of what Ferret cannot run though the SPL is valid (a command, option or function Ferret does not
    /// implement): <c>ferret validate</c> reports them without failing the content; a hunt lists such detections as not run.</summary>
    public static bool IsFerretLimitation(string code) =>
        code is CommandNotSupportedCode or OptionNotSupportedCode or FunctionNotSupportedCode;

    // The next three are worded as Splunk's search parser words them (its "Unknown search command", "unsupported or
    // undefined" and "arguments ... are invalid" errors), followed by what Ferret can add: the closest known name.
    public static Diagnostic UnknownCommand(TextSpan span, string command, string? suggestion) =>
        Error(UnknownCommandCode, span, $"Unknown search command '{command}'.{DidYouMean(suggestion)}");

    public static Diagnostic CommandNotSupported(TextSpan span, string command, string reason) =>
        Error(CommandNotSupportedCode, span, $"the '{command}' command is not supported by Ferret: {reason}");

    public static Diagnostic UnknownFunction(TextSpan span, string function, string? suggestion) =>
        Error(UnknownFunctionCode, span, $"The '{function}' function is unsupported or undefined.{DidYouMean(suggestion)}");

    public static Diagnostic WrongArgumentCount(TextSpan span, string function, int min, int max, int actual) =>
        Error(WrongArgumentCountCode, span, max < 0
            ? $"The arguments to the '{function}' function are invalid: it takes at least {min} argument(s), {actual} given."
            : min == max
                ? $"The arguments to the '{function}' function are invalid: it takes {min} argument(s), {actual} given."
                : $"The arguments to the '{function}' function are invalid: it takes {min} to {max} arguments, {actual} given.");

    public static Diagnostic InvalidRegex(TextSpan span, string pattern, string reason) =>
        Error(InvalidRegexCode, span, $"invalid regular expression '{pattern}': {reason}");

    public static Diagnostic InvalidTimeModifier(TextSpan span, string reason) =>
        Error(InvalidTimeModifierCode, span, reason);

    public static Diagnostic UnknownStatsFunction(TextSpan span, string command, string function, string? suggestion = null) =>
        Error(UnknownStatsFunctionCode, span, $"Error in '{command}' command: The aggregation specifier '{function}' is invalid.{DidYouMean(suggestion)}");

    private static string DidYouMean(string? suggestion) => suggestion is null ? string.Empty : $" Did you mean '{suggestion}'?";

    public static Diagnostic InvalidOptionValue(TextSpan span, string command, string option, string value, string expected) =>
        Error(InvalidOptionValueCode, span, $"{command}: invalid value '{value}' for option '{option}' (expected {expected})");

    public static Diagnostic OptionNotSupported(TextSpan span, string command, string option) =>
        Warning(OptionNotSupportedCode, span, $"{command}: option '{option}' is not supported by Ferret and has no effect");

    public static Diagnostic MissingCommandArgument(TextSpan span, string command, string what) =>
        Error(MissingCommandArgumentCode, span, $"{command}: {what}");

    public static Diagnostic CommandNotFirst(TextSpan span, string command) =>
        Error(CommandNotFirstCode, span, $"the '{command}' command generates results and must be the first command of the search (after '|')");

    public static Diagnostic BooleanEvalResult(TextSpan span, string field) =>
        Error(BooleanEvalResultCode, span, $"eval: the result of the expression for '{field}' is a boolean, which cannot be stored in a field (wrap it in if(...))");

    public static Diagnostic FunctionNotSupported(TextSpan span, string function, string reason) =>
        Error(FunctionNotSupportedCode, span, $"function '{function}' is not supported by Ferret: {reason}");

    public static Diagnostic UnknownConversion(TextSpan span, string function) =>
        Error(UnknownConversionCode, span, $"convert: unknown conversion function '{function}'");
}
