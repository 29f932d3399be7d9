using Ferret.Events;

namespace Ferret.Ingest.Sources;

/// <summary>Reports problems of a temporary copy (an EVTX file taken out of an archive) under the name the user knows.</summary>
internal sealed class RenamingProblemSink(IProblemSink inner, string temporaryPath, string displayName) : IProblemSink
{
    public void Report(InputProblem problem) =>
        inner.Report(problem.File == temporaryPath ? problem with { File = displayName } : problem);
}
