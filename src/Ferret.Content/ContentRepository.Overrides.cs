using Ferret.Content.Macros;
using Ferret.Events;

namespace Ferret.Content;

public sealed partial class ContentRepository
{
    /// <summary>A copy whose environment macros are Ferret's own (<see cref="EnvironmentMacros"/>), so the content's
    /// searches select what Ferret's ingestion produces. Hunt and test use this; build does not.</summary>
    public ContentRepository WithEnvironmentDefaults(IProblemSink problems) => WithMacros(EnvironmentMacros.Load(problems));

    /// <summary>A copy with the macros of a local overrides file (a YAML list of <c>name</c>/<c>arguments</c>/<c>definition</c>,
    /// the shape of <c>macros/*.yml</c>) replacing the definitions of the same name and arity.</summary>
    /// <exception cref="ContentException">the file is missing or not valid YAML: the user asked for it, so the run stops.</exception>
    public ContentRepository WithOverrides(string overridesFile)
    {
        var problems = new ProblemCollector();
        var repository = WithOverrides(overridesFile, problems);
        if (problems.Problems.FirstOrDefault(p => p.Severity == ProblemSeverity.Error) is { } first)
        {
            throw new ContentException(first.ToString());
        }

        return repository;
    }

    /// <summary>As <see cref="WithOverrides(string)"/>, reporting problems instead of throwing.</summary>
    public ContentRepository WithOverrides(string overridesFile, IProblemSink problems)
    {
        if (!File.Exists(overridesFile))
        {
            problems.Report(new InputProblem(overridesFile, "file", "macro overrides file not found"));
            return this;
        }

        return WithMacros([.. MacroReader.ReadFile(overridesFile, MacroOrigin.LocalOverride, problems)]);
    }

    /// <summary>A copy with <paramref name="replacements"/> added or replacing macros of the same name and arity.</summary>
    public ContentRepository WithMacros(IEnumerable<ContentMacro> replacements) =>
        new(Root, App, Detections, MacroDefinitions.Concat(replacements), Lookups, Stories, DataSources);
}
