using Ferret.Events;
using Ferret.Ingest.Text;
using Ferret.Knowledge.Compilation;
using Ferret.Knowledge.Conf.IndexTime;
using Ferret.Knowledge.Conf.SearchTime;
using Ferret.Knowledge.Loading;

namespace Ferret.Knowledge.Conf;

/// <summary>
/// The knowledge of a set of Splunk apps, read from their own .conf files: Ferret's app (embedded) and a user's apps
/// over it (<c>--apps</c>). Gives the readers their index-time rules (<see cref="IndexTime"/>) and runs the
/// search-time operations on events (<see cref="Normalize"/>). Immutable after loading and safe to share.
/// </summary>
public sealed class ConfKnowledge
{
    private readonly ConfNormalizer _normalizer;
    private readonly ConcurrentProblemList _lateProblems = new();
    private readonly List<KnowledgeProblem> _loadProblems = [];

    public ConfKnowledge(IReadOnlyList<SplunkApp> ownApps, IReadOnlyList<SplunkApp> userApps, IKnowledgeCompiler compiler, TimeProvider? clock = null)
    {
        var problems = _loadProblems;
        var late = _lateProblems;
        Layers = new ConfLayers(ownApps, userApps, problems);
        var transforms = new Dictionary<string, ConfTransform>(StringComparer.Ordinal);
        foreach (var (name, stanza) in Layers.Stanzas("transforms"))
        {
            if (ConfTransform.Read(stanza, problems) is { } transform)
            {
                transforms[name] = transform;
            }
        }

        var props = new PropsResolver(Layers);
        var eventTypes = new ConfEventTypes(Layers, compiler, problems);
        _normalizer = new ConfNormalizer(props, new SearchTimePlanCompiler(Layers, transforms, compiler, late.Add), eventTypes);
        IndexTime = new ConfIndexTime(props, transforms, clock ?? TimeProvider.System, late.Add);
        Props = props;
    }

    /// <summary>The merged configuration.</summary>
    public ConfLayers Layers { get; }

    public PropsResolver Props { get; }

    /// <summary>Event breaking, timestamps and index-time transforms for the readers.</summary>
    public IIndexTimeRules IndexTime { get; }

    /// <summary>Problems found while loading, then those found when a stanza was first used (a transform that does not
    /// compile, a lookup file that is missing): each with file:line; the rest still loads.</summary>
    public IReadOnlyList<KnowledgeProblem> Problems => [.. _loadProblems, .. _lateProblems.Snapshot()];

    /// <summary>Runs the search-time operations in Splunk's order on <paramref name="e"/>, in place.</summary>
    public void Normalize(Event e) => _normalizer.Apply(e);

    /// <summary>A problem list that plans compiled on several threads may add to.</summary>
    private sealed class ConcurrentProblemList
    {
        private readonly List<KnowledgeProblem> _problems = [];
        private readonly Lock _gate = new();

        public void Add(KnowledgeProblem problem)
        {
            lock (_gate)
            {
                if (!_problems.Contains(problem))
                {
                    _problems.Add(problem);
                }
            }
        }

        public IReadOnlyList<KnowledgeProblem> Snapshot()
        {
            lock (_gate)
            {
                return [.. _problems];
            }
        }
    }
}
