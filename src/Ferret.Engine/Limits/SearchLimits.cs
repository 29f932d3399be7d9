namespace Ferret.Engine.Limits;

/// <summary>
/// Every limit a run honours, in one immutable object carried by <see cref="SearchContext.Limits"/>. Names and
/// defaults are Splunk's limits.conf ones where Splunk has the setting (Admin Manual, "limits.conf"); the rest are
/// Ferret's own, read from the <c>[ferret]</c> stanza. docs/limits.md lists them all. A run that reaches a limit
/// reports it (SPL3015: which limit, where, what was kept) and goes on.
/// </summary>
public sealed record SearchLimits
{
    public static SearchLimits Default { get; } = new();

    /// <summary>[subsearch] maxout: the most results a subsearch (and append, appendcols, appendpipe) returns.</summary>
    public int SubsearchMaxOut { get; init; } = 10_000;

    /// <summary>[subsearch] maxtime: how long a subsearch may run before its results so far are used.</summary>
    public TimeSpan SubsearchMaxTime { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>[join] subsearch_maxout: the most right-side rows join reads.</summary>
    public int JoinSubsearchMaxOut { get; init; } = 50_000;

    /// <summary>[join] subsearch_maxtime: how long join's subsearch may run.</summary>
    public TimeSpan JoinSubsearchMaxTime { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>[default] max_mem_usage_mb: the memory one blocking command (sort, eventstats, transaction, the rows
    /// append, join and map hold) may use, estimated from the rows it holds.</summary>
    public int MaxMemUsageMb { get; init; } = 200;

    /// <summary>[mvexpand] max_mem_usage_mb: the memory the results mvexpand makes of one result may use (Search
    /// Reference, "mvexpand command", Limits: 500 MB by default).</summary>
    public int MvexpandMaxMemUsageMb { get; init; } = 500;

    /// <summary>[discretize] maxbins: the most buckets timechart fills between the start and the end of the searched
    /// span (Splunk refuses a span that would make more rows; Ferret returns the buckets that have events).</summary>
    public int MaxBins { get; init; } = 50_000;

    /// <summary>[ferret] max_mv_size: the most values one multivalue result of eval or of values()/list() holds.</summary>
    public int MaxMvSize { get; init; } = 100_000;

    /// <summary>[ferret] max_string_length: the longest string an eval expression may produce, in characters.</summary>
    public int MaxStringLength { get; init; } = 10 * 1024 * 1024;

    /// <summary>[ferret] regex_match_timeout_ms: how long one regular expression match may run.</summary>
    public TimeSpan RegexMatchTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>[ferret] regex_search_budget_ms: how much time matches of one regular expression may lose to
    /// timeouts in one run before the expression is abandoned (every later match treated as no match).</summary>
    public TimeSpan RegexSearchBudget { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>[ferret] evtx_max_rendered_chars: the longest XML one EVTX record may render to.</summary>
    public int EvtxMaxRenderedChars { get; init; } = 4 * 1024 * 1024;

    /// <summary>[ferret] evtx_decoding_threads: threads that decode the chunks of an EVTX file read alone by a hunt; 0
    /// leaves it to Ferret (one per processor beyond the two a hunt keeps busy, at most four).</summary>
    public int EvtxDecodingThreads { get; init; }

    /// <summary>The memory budget in bytes (<see cref="MaxMemUsageMb"/>).</summary>
    public long MaxMemUsageBytes => MaxMemUsageMb * 1024L * 1024L;
}
