using Ferret.Engine.Functions;

namespace Ferret.Engine.Limits;

/// <summary>
/// The memory the keys of one command may hold (stats, eventstats, timechart and tstats groups, streamstats' running
/// groups, dedup's and top's values) within <see cref="SearchLimits.MaxMemUsageMb"/>, estimated from the keys' text and
/// what each key keeps. Splunk spills such a command to disk past its max_mem_usage_mb; Ferret stops taking new keys,
/// reports the limit once (SPL3015) with how many it kept and what happens to the rest, and the run goes on.
/// </summary>
internal sealed class GroupBudget(string where, string keys, string rest)
{
    /// <summary>What one key costs beyond its text: the dictionary entry, the key object and its list of states.</summary>
    private const int KeyOverhead = 160;

    /// <summary>What one aggregate state (a count, a sum, a small list) of a key costs.</summary>
    public const int StateBytes = 64;

    private long _used;
    private int _count;

    /// <summary>Whether a new key of <paramref name="keyLength"/> characters holding <paramref name="extraBytes"/> more
    /// fits; when it does not, the limit is reported and the key must not be kept.</summary>
    public bool TryAdd(int keyLength, long extraBytes, EvalRuntime runtime)
    {
        var cost = KeyOverhead + (4L * keyLength) + extraBytes;
        if (_used + cost > runtime.Limits.MaxMemUsageBytes)
        {
            runtime.ReportLimit("[default] max_mem_usage_mb", where,
                $"kept the first {_count} {keys} (about {runtime.Limits.MaxMemUsageMb} MB); {rest}, so the results are partial");
            return false;
        }

        _used += cost;
        _count++;
        return true;
    }
}
