using Ferret.Content;
using Ferret.Detection.Compilation;
using Ferret.Detection.Search;
using Ferret.Engine;
using Ferret.Events;
using Ferret.Knowledge;
using Ferret.Server.Store;
using Ferret.Spl;
using Ferret.Spl.Diagnostics;
using Ferret.Spl.Macros;

namespace Ferret.Server.Search;

/// <summary>A search prepared over the store: its diagnostics, and when it compiled, the results (streamed) and the
/// number of events the store handed the engine once they have been read.</summary>
internal sealed record StoreSearchOutcome(IReadOnlyList<Diagnostic> Diagnostics, IEnumerable<Event> Results, Func<long> EventsScanned)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}

/// <summary>
/// Runs SPL over the store through the same engine as <c>ferret search</c> over files: the content's macros (with
/// Ferret's environment macros) and lookups, the add-on knowledge and data models, and the store as the event
/// source, with indexes, time range, metadata and terms pushed down (<see cref="SearchPushdown"/>).
/// </summary>
internal sealed class SearchEnvironment(ContentRepository content, KnowledgeBase knowledge, EventStore store, TimeProvider clock, IProblemSink problems)
{
    public ContentRepository Content => content;

    public KnowledgeBase Knowledge => knowledge;

    public EventStore Store => store;

    public TimeProvider Clock => clock;

    public IProblemSink Problems => problems;

    /// <summary>The indexes a search without <c>index=</c> reads: every declared one but Splunk's internal indexes
    /// (names starting with '_') and the summary indexes ES writes (<c>notable</c>, <c>risk</c>).</summary>
    public IReadOnlyList<string> DefaultIndexes =>
        [.. store.IndexNames.Where(n => !n.StartsWith('_') && n is not ("notable" or "risk")).Order(StringComparer.Ordinal)];

    public ContentLookupResolver Lookups { get; } = new(content.Lookups, problems);

    /// <summary>Prepares <paramref name="spl"/> (a leading <c>search</c> keyword optional, as the REST API takes it)
    /// over <c>[earliest, latest)</c>.</summary>
    public StoreSearchOutcome Run(string spl, double? earliest, double? latest)
    {
        var search = SearchCompilation.Compile(spl, content.Macros);
        if (search.Plan is not { } compiled || search.HasErrors)
        {
            return new StoreSearchOutcome(search.Diagnostics, [], () => 0);
        }

        var query = SearchPushdown.For(search.Search.Pipeline, search.ExpandedText, store.IndexNames, DefaultIndexes, earliest, latest, clock.GetUtcNow());
        var scanned = new long[1];
        var events = knowledge.Accelerate(Events(query, scanned));
        var context = new SearchContext
        {
            Clock = clock,
            Problems = problems,
            Lookups = Lookups,
            DataModels = knowledge.DataModels,
            Label = "search",
            Earliest = earliest,
            Latest = latest,
        };
        return new StoreSearchOutcome(search.Diagnostics, compiled.Run(events, context), () => Interlocked.Read(ref scanned[0]));
    }

    /// <summary>The events of <paramref name="query"/> as the engine sees them (fields extracted at search time).</summary>
    public IEnumerable<Event> Events(StoreQuery query, long[]? scanned = null)
    {
        foreach (var stored in store.Read(query))
        {
            if (scanned is not null)
            {
                Interlocked.Increment(ref scanned[0]);
            }

            yield return EventExtraction.ToEvent(stored);
        }
    }

    /// <summary>Splunk's REST API takes a search without its leading <c>search</c> keyword only as a generating
    /// command (<c>| tstats ...</c>); anything else gets the keyword, as the search bar adds it.</summary>
    public static string WithLeadingCommand(string spl)
    {
        var trimmed = spl.TrimStart();
        return trimmed.StartsWith('|') || trimmed.StartsWith("search ", StringComparison.OrdinalIgnoreCase) || trimmed.Equals("search", StringComparison.OrdinalIgnoreCase)
            ? trimmed
            : "search " + trimmed;
    }
}
