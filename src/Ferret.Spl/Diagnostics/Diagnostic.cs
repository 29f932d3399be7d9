namespace Ferret.Spl.Diagnostics;

/// <summary>One problem found in SPL text: a stable code (<c>SPLnnnn</c>, see <see cref="DiagnosticFacts"/>),
/// its severity, where it is, and a message meant for the person who wrote the search.</summary>
public sealed record Diagnostic(string Code, DiagnosticSeverity Severity, TextSpan Span, string Message)
{
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>The same diagnostic moved to another span (e.g. mapped from expanded text back to the original).</summary>
    public Diagnostic WithSpan(TextSpan span) => this with { Span = span };

    public override string ToString() =>
        $"{Severity.ToString().ToLowerInvariant()} {Code} at {Span.Start}: {Message}";
}
