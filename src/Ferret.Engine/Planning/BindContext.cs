using Ferret.Spl.Diagnostics;

namespace Ferret.Engine.Planning;

/// <summary>Collects the diagnostics of one compilation.</summary>
public sealed class BindContext
{
    private readonly List<Diagnostic> _diagnostics = [];

    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    public bool HasErrors => _diagnostics.Any(d => d.IsError);

    public void Report(Diagnostic diagnostic) => _diagnostics.Add(diagnostic);

    public void ReportAll(IEnumerable<Diagnostic> diagnostics) => _diagnostics.AddRange(diagnostics);
}
