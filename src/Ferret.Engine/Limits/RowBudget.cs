using Ferret.Engine.Execution;
using Ferret.Events;

namespace Ferret.Engine.Limits;

/// <summary>
/// Collects the rows a blocking command must hold (sort, eventstats, transaction, append, join's right side) within
/// <see cref="SearchLimits.MaxMemUsageMb"/>, estimated from the rows' text. Splunk spills such a command to disk past
/// its max_mem_usage_mb; Ferret keeps the rows read so far, reports the limit (SPL3015) with how many it kept, and
/// stops reading the command's input, so the run ends with partial results instead of exhausting the machine.
/// </summary>
internal static class RowBudget
{
    /// <summary>What a row costs beyond its text: the event, its dictionary and one entry per field.</summary>
    private const int RowOverhead = 96;
    private const int FieldOverhead = 48;

    /// <summary>The rows of <paramref name="input"/> within the memory budget.</summary>
    public static List<Event> Collect(IEnumerable<Event> input, RunContext run, string where) =>
        Collect(input, run, where, Subsearch.None);

    /// <summary>The rows of a subsearch within the memory budget and its row and time limits.</summary>
    public static List<Event> Collect(IEnumerable<Event> input, RunContext run, string where, Subsearch limits)
    {
        var budget = run.Limits.MaxMemUsageBytes;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var rows = new List<Event>();
        long used = 0;
        foreach (var e in input)
        {
            if (rows.Count >= limits.MaxRows)
            {
                run.ReportLimit(limits.MaxRowsName, where, $"kept the first {limits.MaxRows} rows; the rest were not read");
                break;
            }

            if (clock.Elapsed > limits.MaxTime)
            {
                run.ReportLimit(limits.MaxTimeName, where, $"kept the {rows.Count} rows read in {limits.MaxTime.TotalSeconds:0} s; the rest were not read");
                break;
            }

            used += EstimateBytes(e);
            if (used > budget)
            {
                run.ReportLimit("[default] max_mem_usage_mb", where,
                    $"kept the first {rows.Count} rows (about {run.Limits.MaxMemUsageMb} MB); the rest were not read, so the results are partial");
                break;
            }

            rows.Add(e);
        }

        return rows;
    }

    /// <summary>A subsearch's own limits, with their limits.conf names for the report.</summary>
    public sealed record Subsearch(int MaxRows, string MaxRowsName, TimeSpan MaxTime, string MaxTimeName)
    {
        public static Subsearch None { get; } = new(int.MaxValue, string.Empty, TimeSpan.MaxValue, string.Empty);

        public static Subsearch Of(SearchLimits limits) =>
            new(limits.SubsearchMaxOut, "[subsearch] maxout", limits.SubsearchMaxTime, "[subsearch] maxtime");

        public static Subsearch OfJoin(SearchLimits limits) =>
            new(limits.JoinSubsearchMaxOut, "[join] subsearch_maxout", limits.JoinSubsearchMaxTime, "[join] subsearch_maxtime");
    }

    /// <summary>An estimate of the memory one row holds: two bytes per character of names and texts, plus overheads.</summary>
    public static long EstimateBytes(Event e)
    {
        long bytes = RowOverhead;
        foreach (var (name, value) in e.Fields)
        {
            bytes += FieldOverhead + (2L * name.Length);
            foreach (var scalar in value.Values)
            {
                bytes += scalar.IsString ? 24 + (2L * scalar.TextLength) : 16;
            }
        }

        return bytes;
    }
}
