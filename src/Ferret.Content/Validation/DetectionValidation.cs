using Ferret.Spl.Diagnostics;

namespace Ferret.Content.Validation;

/// <summary>One detection's validation: its problems, each placed at a line and column of its YAML file.</summary>
public sealed record DetectionValidation(DetectionDefinition Detection, SearchValidation Search, IReadOnlyList<PlacedDiagnostic> Problems)
{
    public bool IsOk => !Problems.Any(p => p.Diagnostic.IsError);
}

/// <summary>A diagnostic with the file position it maps to (1-based line and column).</summary>
public sealed record PlacedDiagnostic(Diagnostic Diagnostic, string FilePath, int Line, int Column)
{
    /// <summary>"error", "warning", or "unsupported" for valid SPL that Ferret does not run (<see cref="DiagnosticFacts.IsFerretLimitation"/>).</summary>
    public string Severity => IsFerretLimitation ? "unsupported" : Diagnostic.Severity.ToString().ToLowerInvariant();

    /// <summary>An error of Ferret, not of the content: the SPL is valid but uses what Ferret does not run.</summary>
    public bool IsFerretLimitation => Diagnostic.IsError && DiagnosticFacts.IsFerretLimitation(Diagnostic.Code);

    /// <summary>An error of the content itself (what Splunk would reject too).</summary>
    public bool IsContentError => Diagnostic.IsError && !IsFerretLimitation;

    /// <summary><c>path:line:col: error SPLnnnn: message</c>, the form compilers use so editors can jump to it.</summary>
    public string Format(string displayPath) =>
        $"{displayPath}:{Line}:{Column}: {Severity} {Diagnostic.Code}: {Diagnostic.Message}";
}
