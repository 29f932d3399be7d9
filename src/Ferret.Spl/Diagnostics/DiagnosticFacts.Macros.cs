namespace Ferret.Spl.Diagnostics;

public static partial class DiagnosticFacts
{
    public const string UnknownMacroCode = "SPL2001";
    public const string MacroArityCode = "SPL2002";
    public const string MacroCycleCode = "SPL2003";
    public const string UnterminatedMacroCode = "SPL2004";
    public const string MalformedMacroCallCode = "SPL2005";
    public const string UnknownMacroArgumentCode = "SPL2006";
    public const string MacroExpansionTooLargeCode = "SPL2007";

    public static Diagnostic UnknownMacro(TextSpan span, string name, int arity) =>
        Error(UnknownMacroCode, span, arity == 0
            ? $"unknown macro '{name}'"
            : $"unknown macro '{name}({arity})'");

    public static Diagnostic MacroArity(TextSpan span, string name, int given, IEnumerable<int> known) =>
        Error(MacroArityCode, span,
            $"macro '{name}' called with {given} argument(s), but it is defined with {string.Join(" or ", known)}");

    public static Diagnostic MacroCycle(TextSpan span, IEnumerable<string> chain) =>
        Error(MacroCycleCode, span, $"macro expansion cycle: {string.Join(" -> ", chain)}");

    public static Diagnostic UnterminatedMacro(TextSpan span) =>
        Error(UnterminatedMacroCode, span, "unterminated macro call: the closing backtick is missing");

    public static Diagnostic MalformedMacroCall(TextSpan span, string text) =>
        Error(MalformedMacroCallCode, span, $"malformed macro call '`{text}`'");

    public static Diagnostic UnknownMacroArgument(TextSpan span, string macro, string argument) =>
        Error(UnknownMacroArgumentCode, span, $"macro '{macro}' has no argument named '{argument}'");

    public static Diagnostic MacroExpansionTooLarge(TextSpan span, string name) =>
        Error(MacroExpansionTooLargeCode, span, $"macro '{name}' expands too deeply or too large (more than the expansion limit)");
}
