using System.Text.RegularExpressions;
using Ferret.Engine.Limits;
using Ferret.Engine.Text;
using Ferret.Events;
using Ferret.Spl.Diagnostics;

namespace Ferret.Engine.Functions;

/// <summary>
/// Per-run services the eval functions need: the search's start time (what <c>now()</c> returns), the clock,
/// the regex timeout, and where to report a runaway pattern (naming the query label and the event).
/// </summary>
public sealed class EvalRuntime
{
    private readonly HashSet<(string Limit, string Where)> _limitsReported = [];
    private readonly Dictionary<string, TimeSpan> _regexTimeLost = new(StringComparer.Ordinal);
    private bool _anyRegexTimedOut;
    private Translation? _lastLowered;
    private Translation? _lastUppered;
    private Translation? _lastLikePattern;
    private Translation? _lastReplacement;

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

    /// <summary>The limits of the run (docs/limits.md).</summary>
    public SearchLimits Limits { get; init; } = SearchLimits.Default;

    /// <summary>The run this runtime belongs to (null for standalone expressions).</summary>
    public Execution.RunContext? Run { get; internal set; }

    /// <summary>The event being processed, so a problem report can name it.</summary>
    public Event? CurrentEvent { get; set; }

    public void Report(string message, ProblemSeverity severity = ProblemSeverity.Warning)
    {
        var where = CurrentEvent is { } e ? DescribeEvent(e) : "search";
        Problems?.Report(new InputProblem(Label ?? "search", where, message, severity));
    }

    /// <summary>Reports a run-time problem from the diagnostic catalogue, with its code.</summary>
    public void Report(Diagnostic diagnostic) =>
        Report($"{diagnostic.Code} {diagnostic.Message}", diagnostic.IsError ? ProblemSeverity.Error : ProblemSeverity.Warning);

    /// <summary>Reports a limit reached (SPL3015), once per limit and place in this run.</summary>
    public void ReportLimit(string limit, string where, string kept)
    {
        lock (_limitsReported)
        {
            if (!_limitsReported.Add((limit, where)))
            {
                return;
            }
        }

        var diagnostic = DiagnosticFacts.LimitReached(default, limit, kept);
        Problems?.Report(new InputProblem(Label ?? "search", where, $"{diagnostic.Code} {diagnostic.Message}", ProblemSeverity.Warning));
    }

    /// <summary>Runs a regex action; a match that exceeds the timeout is reported and counts as no match. Once the
    /// timeouts of one expression add up to <see cref="SearchLimits.RegexSearchBudget"/>, the expression is abandoned
    /// for the rest of the run: every later match counts as no match without running.</summary>
    public T Guard<T>(Regex regex, Func<T> action, T onTimeout) => Guard(regex, action, static a => a(), onTimeout);

    /// <summary>Whether <paramref name="regex"/> matches <paramref name="text"/>, guarded as <see cref="Guard{T}"/>:
    /// without a closure per call, as <c>match()</c> runs for every event. A long text is tested with the pattern's
    /// automaton (<see cref="RegexCache.ForMatching"/>): the same answer without backtracking.</summary>
    public bool IsMatch(Regex regex, string text) =>
        Guard(regex, (regex: RegexCache.ForMatching(regex, text.Length), text), static s => s.regex.IsMatch(s.text), false);

    private T Guard<TState, T>(Regex regex, TState state, Func<TState, T> action, T onTimeout)
    {
        var key = regex.ToString();
        if (IsAbandoned(key))
        {
            return onTimeout;
        }

        try
        {
            return action(state);
        }
        catch (RegexMatchTimeoutException)
        {
            TimeSpan total;
            lock (_regexTimeLost)
            {
                total = _regexTimeLost.GetValueOrDefault(key) + RegexTimeout;
                _regexTimeLost[key] = total;
                Volatile.Write(ref _anyRegexTimedOut, true);
            }

            if (total >= Limits.RegexSearchBudget)
            {
                ReportLimit("[ferret] regex_search_budget_ms", $"regular expression '{key}'",
                    $"its matches timed out for {total.TotalSeconds:0.#} s in all; the expression is abandoned for the rest of the search (no match)");
            }
            else
            {
                Report($"regular expression '{regex}' exceeded the {RegexTimeout.TotalMilliseconds:0} ms match timeout; treated as no match");
            }

            return onTimeout;
        }
    }

    /// <summary>Whether the timeouts of <paramref name="pattern"/> used up its budget. Until a match first times out no
    /// pattern is abandoned, and the usual match skips the lock and the hashing of its (often long) pattern.</summary>
    private bool IsAbandoned(string pattern)
    {
        if (!Volatile.Read(ref _anyRegexTimedOut))
        {
            return false;
        }

        lock (_regexTimeLost)
        {
            return _regexTimeLost.TryGetValue(pattern, out var lost) && lost >= Limits.RegexSearchBudget;
        }
    }

    /// <summary><c>lower()</c> of <paramref name="text"/>. The last text changed and its result are kept: a detection
    /// that tests <c>match(lower(ScriptBlockText), ...)</c> twenty times per event (PowerShell 4104 Hunting) lowers the
    /// same script block once instead of twenty times.</summary>
    internal string ToLower(string text) => Remembered(ref _lastLowered, text, static t => t.ToLowerInvariant());

    /// <summary><c>upper()</c> of <paramref name="text"/>, the last change kept as for <see cref="ToLower"/>.</summary>
    internal string ToUpper(string text) => Remembered(ref _lastUppered, text, static t => t.ToUpperInvariant());

    /// <summary>The regex text of a <c>like()</c> pattern, the last one kept: a literal pattern is the same string for
    /// every event, and translating it made a builder and a string per event.</summary>
    internal string LikePattern(string pattern) => Remembered(ref _lastLikePattern, pattern, FunctionLibrary.LikeToRegex);

    /// <summary>A <c>replace()</c> replacement in .NET's syntax, the last one kept as for <see cref="LikePattern"/>.</summary>
    internal string Replacement(string replacement) => Remembered(ref _lastReplacement, replacement, FunctionLibrary.TranslateReplacement);

    /// <summary><c>replace()</c>: <paramref name="regex"/> replaced in <paramref name="text"/>, guarded as
    /// <see cref="Guard{T}"/> (the text unchanged on a timeout), without a closure per call.</summary>
    internal string Replace(Regex regex, string text, string replacement) =>
        Guard(regex, (regex, text, replacement: Replacement(replacement)), static s => s.regex.Replace(s.text, s.replacement), text);

    /// <summary><paramref name="make"/> of <paramref name="text"/>, or the result kept for this very string (compared by
    /// reference, so a kept result is always the one <paramref name="make"/> gives).</summary>
    private static string Remembered(ref Translation? last, string text, Func<string, string> make)
    {
        var seen = Volatile.Read(ref last);
        if (seen is not null && ReferenceEquals(seen.Text, text))
        {
            return seen.Result;
        }

        var result = make(text);
        if (!ReferenceEquals(result, text))
        {
            Volatile.Write(ref last, new Translation(text, result));
        }

        return result;
    }

    /// <summary>A text (this very string, compared by reference) and what a function made of it.</summary>
    private sealed record Translation(string Text, string Result);

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
