using Ferret.Content;
using Ferret.Content.Validation;
using Ferret.Detection.Hunting;

namespace Ferret.Detection.Compilation;

/// <summary>What compiling one detection gave: the plan (null when it has an error), the reason it cannot run, and
/// every diagnostic (errors and warnings) placed in its YAML file.</summary>
public sealed record DetectionCompilation(
    DetectionDefinition Detection, CompiledDetection? Compiled, DetectionIssue? Issue, IReadOnlyList<PlacedDiagnostic> Problems)
{
    public bool IsOk => Compiled is not null;
}
