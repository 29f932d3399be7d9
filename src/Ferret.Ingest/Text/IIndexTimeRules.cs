using Ferret.Events;

namespace Ferret.Ingest.Text;

/// <summary>
/// What Splunk's indexing pipeline does to a sourcetype's data (props.conf index-time settings), supplied by the
/// knowledge layer so the readers stay free of it: how text is broken into events, and the per-event work after
/// breaking (timestamp, <c>TRANSFORMS-</c> rewriting sourcetype, host or index, indexed extractions).
/// </summary>
public interface IIndexTimeRules
{
    /// <summary>How text of this source and sourcetype is broken into events.</summary>
    TextBreaking BreakingFor(string source, string sourceType);

    /// <summary>Runs the index-time steps on an event just read, in place: <c>_time</c> when the reader found none,
    /// then the index-time transforms of its sourcetype.</summary>
    void Apply(Event e);
}

/// <summary>
/// Event breaking (props.conf, "Line breaking" and "Line merging"): <paramref name="LineBreaker"/> splits the text
/// where its first capture group matches (that text is dropped); when <paramref name="ShouldLineMerge"/>, the pieces
/// are joined again until <paramref name="IsEventStart"/> says a piece begins a new event, at most
/// <paramref name="MaxLines"/> pieces; an event longer than <paramref name="Truncate"/> characters is cut (0: never).
/// <paramref name="IndexedExtractions"/> is props.conf INDEXED_EXTRACTIONS (<c>csv</c>: the first event is the
/// header naming each later row's columns), null when not set.
/// </summary>
public sealed record TextBreaking(
    System.Text.RegularExpressions.Regex LineBreaker,
    bool ShouldLineMerge,
    Func<string, bool>? IsEventStart,
    int Truncate,
    int MaxLines,
    string? IndexedExtractions = null)
{
    /// <summary>Splunk's default LINE_BREAKER, <c>([\r\n]+)</c>.</summary>
    public static System.Text.RegularExpressions.Regex DefaultLineBreaker { get; } =
        new(@"([\r\n]+)", System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>One event per line, cut at Splunk's default TRUNCATE of 10,000: what Ferret does without knowledge.</summary>
    public static TextBreaking LinePerEvent { get; } = new(DefaultLineBreaker, false, null, 10_000, 256);
}
