using System.Runtime.CompilerServices;
using Ferret.Events;
using Ferret.Knowledge.Acceleration;
using Ferret.Knowledge.Compilation;
using Ferret.Knowledge.Conf;
using Ferret.Knowledge.DataModels;
using Ferret.Knowledge.Definitions;
using Ferret.Knowledge.Loading;
using Ferret.Knowledge.Normalization;

namespace Ferret.Knowledge;

/// <summary>
/// What Splunk's add-ons and the CIM app know, loaded from data files (docs/knowledge.md): per-source
/// extractions, aliases, calculated fields, event types and tags, and the CIM data models. Immutable
/// after loading and safe to share between threads.
/// </summary>
public sealed partial class KnowledgeBase
{
    private readonly Normalizer _normalizer;
    private readonly ConditionalWeakTable<Event, NormalizedEvent> _accelerated = [];
    private readonly int _datasetCount;

    private KnowledgeBase(IReadOnlyList<SourceKnowledge> sources, IReadOnlyList<DataModelDefinition> models,
        IKnowledgeCompiler compiler, List<KnowledgeProblem> problems, ConfKnowledge conf)
    {
        Sources = sources;
        Conf = conf;
        _normalizer = new Normalizer(KnowledgeCompilation.CompileSources(sources, compiler, problems), conf.Normalize);
        var datasets = KnowledgeCompilation.CompileDatasets(models, compiler, problems);
        _datasetCount = datasets.Count;
        DataModels = new DataModelCatalog(this, models, datasets);
        _problems = problems;
    }

    private readonly List<KnowledgeProblem> _problems;

    /// <summary>The Splunk apps' knowledge: Ferret's own app and the user's (<c>--apps</c>), in .conf form.</summary>
    public ConfKnowledge Conf { get; }

    /// <summary>What the readers need at index time: event breaking, timestamps, sourcetype rewriting.</summary>
    public Ingest.Text.IIndexTimeRules IndexTime => Conf.IndexTime;

    /// <summary>The source knowledge files, in load order.</summary>
    public IReadOnlyList<SourceKnowledge> Sources { get; }

    /// <summary>The CIM data models (<c>Resolve("Endpoint.Processes")</c>).</summary>
    public DataModelCatalog DataModels { get; }

    /// <summary>Problems found while loading (and, for the apps' .conf files, when a stanza is first used): a
    /// definition that could not be read or compiled is left out, each reported with file:line.</summary>
    public IReadOnlyList<KnowledgeProblem> Problems => [.. _problems, .. Conf.Problems];

    /// <summary>
    /// Adds to <paramref name="e"/>, in place, what the add-ons know at search time: extracted fields,
    /// aliases (e.g. the classic <c>ComputerName</c>), calculated CIM fields (<c>process_name</c>,
    /// <c>dest</c>, ...), <c>eventtype</c> and <c>tag</c>. Running it again changes nothing.
    /// </summary>
    public void Normalize(Event e)
    {
        if (Known(e) is { } entry && ReferenceEquals(entry.Event, e))
        {
            return;
        }

        _normalizer.Normalize(e);
    }

    /// <summary>
    /// Normalizes each event once and remembers its data model results, so every detection that asks for
    /// the same event (the instance yielded here) reuses them: Ferret's form of data model acceleration.
    /// Yields normalized copies; the inputs are not changed.
    /// </summary>
    public IEnumerable<Event> Accelerate(IEnumerable<Event> events)
    {
        foreach (var e in events)
        {
            yield return Accelerated(e).Event;
        }
    }

    /// <summary>
    /// Like <see cref="Accelerate"/> for a reader's events that are read once, handed over and then dropped (a hunt's
    /// single pass): each event is normalized in place, not copied, and yielded itself. The caller gives up the raw
    /// form: nothing else may hold the events. An event given again is already known and not normalized twice.
    /// </summary>
    public IEnumerable<Event> AccelerateOnce(IEnumerable<Event> events)
    {
        foreach (var e in events)
        {
            yield return (Known(e) ?? NewOwnedEntry(e)).Event;
        }
    }

    /// <summary>The shared, normalized form of <paramref name="e"/>, computed on first request. Asked once per event
    /// and detection, so a known event is answered from the event itself (<see cref="Event.Attachment"/>), without a
    /// lookup; the weak table only answers for events that carry another knowledge base's entry.</summary>
    public NormalizedEvent Accelerated(Event e)
    {
        if (Known(e) is { } known)
        {
            return known;
        }

        if (e.Attachment is null && e.Attach(NewEntry(e)) is NormalizedEvent attached && attached.Knowledge == this)
        {
            return attached;
        }

        return _accelerated.GetValue(e, NewEntry);
    }

    /// <summary>The entry this knowledge base made for <paramref name="e"/> (as the normalized event or as the raw event it
    /// was copied from), or null.</summary>
    private NormalizedEvent? Known(Event e) =>
        e.Attachment is NormalizedEvent entry && entry.Knowledge == this ? entry
        : _accelerated.TryGetValue(e, out var known) ? known
        : null;

    private NormalizedEvent NewEntry(Event raw)
    {
        var normalized = _normalizer.NormalizedCopy(raw);
        var entry = new NormalizedEvent(this, normalized, _datasetCount);

        // The normalized copy answers for itself too, so searches over Accelerate's output find it (and Normalize knows
        // it is normalized already). The copy is new: nothing else is attached to it.
        normalized.Attach(entry);
        return entry;
    }

    private NormalizedEvent NewOwnedEntry(Event owned)
    {
        _normalizer.NormalizeOwned(owned);
        var entry = new NormalizedEvent(this, owned, _datasetCount);
        if (owned.Attach(entry) != entry)
        {
            // Another knowledge base's entry is attached already: this one is remembered in the weak table.
            _accelerated.AddOrUpdate(owned, entry);
        }

        return entry;
    }

    /// <summary>The names of the source knowledge files that apply to events of this source and sourcetype.</summary>
    public IReadOnlyList<string> SourceNamesFor(string? source, string? sourceType) =>
        [.. _normalizer.RulesFor(source, sourceType).Sources.Select(s => s.Definition.Name)];
}
