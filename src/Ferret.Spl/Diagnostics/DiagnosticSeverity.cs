namespace Ferret.Spl.Diagnostics;

public enum DiagnosticSeverity
{
    Error,
    Warning,
    Info,
}
