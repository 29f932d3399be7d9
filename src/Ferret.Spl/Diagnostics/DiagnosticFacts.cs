namespace Ferret.Spl.Diagnostics;

/// <summary>
/// The one message catalogue of the SPL front end and engine. Codes are stable: SPL1xxx lexer and parser,
/// SPL2xxx macros, SPL3xxx binding and execution (added by the engine in <c>DiagnosticFacts.Engine.cs</c>).
/// Each factory takes the span and the facts the message names, so the wording lives here and nowhere else.
/// </summary>
public static partial class DiagnosticFacts
{
    private static Diagnostic Error(string code, TextSpan span, string message) =>
        new(code, DiagnosticSeverity.Error, span, message);

    private static Diagnostic Warning(string code, TextSpan span, string message) =>
        new(code, DiagnosticSeverity.Warning, span, message);
}
