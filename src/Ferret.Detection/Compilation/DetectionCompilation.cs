using Ferret.Content;
using Ferret.Content.Validation;
using Ferret.Detection.Hunting;

namespace Ferret.Detection.Compilation;

/// <summary>What compiling one detection gave: the plan (null when it has an error), the reason it cannot run, and
/// every diagnostic (errors and warnings) placed in its YAML file.</summary>
public sealed record DetectionCompilation(
    DetectionDefinition Detection, CompiledDetection? Compiled, DetectionIssue? Issue, IReadOnlyList<PlacedDiagnostic> Problems)
{
    /// <summary>Whether the detection compiled, so it can run.</summary>
    public bool IsOk => Compiled is not null;

    /// <summary>Whether the content is valid: no error but what Ferret cannot run (<see cref="PlacedDiagnostic.IsFerretLimitation"/>).</summary>
    public bool IsValid => !Problems.Any(p => p.IsContentError) && (Compiled is not null || Problems.Any(p => p.IsFerretLimitation));
}
