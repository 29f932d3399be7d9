using Ferret.Events;

namespace Ferret.Ingest.Sources;

/// <summary>
/// One input being read: its <see cref="DisplayName"/> (the path, or <c>archive.zip:entry</c> for an archive
/// member, as Splunk names archive members in <c>source</c>), the options, and where problems go.
/// </summary>
internal sealed record SourceFile(string DisplayName, IngestOptions Options, IProblemSink Problems)
{
    public void Report(string location, string message, ProblemSeverity severity = ProblemSeverity.Error) =>
        Problems.Report(new InputProblem(DisplayName, location, message, severity));

    /// <summary>Applies what the user forced (<see cref="IngestOptions"/>) and the index, then the index-time rules.</summary>
    public Event Finish(Event e)
    {
        e.Index = Options.Index;
        if (Options.SourceType is { Length: > 0 } sourceType)
        {
            e.SourceType = sourceType;
        }

        if (Options.Source is { Length: > 0 } source)
        {
            e.Source = source;
        }

        if (Options.Host is { Length: > 0 } host)
        {
            e.Host = host;
        }

        Options.IndexTime?.Apply(e);
        return e;
    }
}
