using System.Text.RegularExpressions;
using Ferret.Engine.Text;
using Ferret.Events;

namespace Ferret.Engine.Functions;

/// <summary>
/// Per-run services the eval functions need: the search's start time (what <c>now()</c> returns), the clock,
/// the regex timeout, and where to report a runaway pattern (naming the query label and the event).
/// </summary>
public sealed class EvalRuntime
{
    public EvalRuntime(TimeProvider clock, TimeSpan regexTimeout, IProblemSink? problems, string? label)
    {
        Clock = clock;
        RegexTimeout = regexTimeout;
        Problems = problems;
        Label = label;
        SearchStart = clock.GetUtcNow();
    }

    public static EvalRuntime Default { get; } = new(TimeProvider.System, TimeSpan.FromSeconds(1), null, null);

    public TimeProvider Clock { get; }

    public DateTimeOffset SearchStart { get; }

    public TimeSpan RegexTimeout { get; }

    public IProblemSink? Problems { get; }

    public string? Label { get; }

    /// <summary>The run this runtime belongs to (null for standalone expressions).</summary>
    public Execution.RunContext? Run { get; internal set; }

    /// <summary>The event being processed, so a problem report can name it.</summary>
    public Event? CurrentEvent { get; set; }

    public void Report(string message, ProblemSeverity severity = ProblemSeverity.Warning)
    {
        var where = CurrentEvent is { } e ? DescribeEvent(e) : "search";
        Problems?.Report(new InputProblem(Label ?? "search", where, message, severity));
    }

    /// <summary>Runs a regex action; a match that exceeds the timeout is reported and counts as no match.</summary>
    public T Guard<T>(Regex regex, Func<T> action, T onTimeout)
    {
        try
        {
            return action();
        }
        catch (RegexMatchTimeoutException)
        {
            Report($"regular expression '{regex}' exceeded the {RegexTimeout.TotalMilliseconds:0} ms match timeout; treated as no match");
            return onTimeout;
        }
    }

    public Regex? GetRegex(string pcre, RegexOptions options = RegexOptions.None)
    {
        if (RegexCache.TryGet(pcre, options, RegexTimeout, out var regex, out var error))
        {
            return regex;
        }

        Report($"invalid regular expression '{pcre}': {error}", ProblemSeverity.Error);
        return null;
    }

    internal static string DescribeEvent(Event e)
    {
        var parts = new List<string>();
        if (e.Source is { } source)
        {
            parts.Add($"source={source}");
        }

        if (e.Time is { } time)
        {
            parts.Add($"_time={EpochTime.ToDateTimeOffset(time):yyyy-MM-ddTHH:mm:ss.fffZ}");
        }

        if (e.Raw is { } raw)
        {
            parts.Add($"_raw={(raw.Length > 80 ? raw[..80] + "…" : raw)}");
        }

        return parts.Count == 0 ? "event" : "event " + string.Join(' ', parts);
    }
}
