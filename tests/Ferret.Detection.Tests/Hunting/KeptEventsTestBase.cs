using Ferret.Detection.Hunting;
using Ferret.Events;
using Ferret.Ingest;
using Ferret.Knowledge;
using Ferret.Testing;

namespace Ferret.Detection.Tests.Hunting;

/// <summary>What tests of events kept as their origin share: the knowledge they normalize with, a keeping over it, a copy
/// of a shared EVTX file in a folder of their own (to damage at will), and an event as text to compare.</summary>
public abstract class KeptEventsTestBase : IDisposable
{
    protected static Lazy<KnowledgeBase> Knowledge { get; } = new(KnowledgeBase.LoadDefault);

    protected KeptEventsTestBase(string prefix)
    {
        Folder = Directory.CreateTempSubdirectory(prefix).FullName;
    }

    protected string Folder { get; }

    public void Dispose()
    {
        Directory.Delete(Folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    private protected static (HuntEventKeeping Keeping, ProblemCollector Problems) Keeping()
    {
        var problems = new ProblemCollector();
        return (new HuntEventKeeping(IngestOptions.Default with { IndexTime = Knowledge.Value.IndexTime }, Knowledge.Value, problems), problems);
    }

    protected static string Text(Event e) => $"{e.Origin}\n{e.Raw}\n{FieldLines.Describe(e)}";

    protected string CopyOfEvtx()
    {
        var path = Path.Combine(Folder, $"{Guid.NewGuid():N}.evtx");
        File.Copy(SharedCorpus.Require("data/deepbluecli/wmi-event-filter-persistance.evtx"), path);
        return path;
    }
}
