using System.Text.RegularExpressions;

namespace Ferret.Engine.Text;

/// <summary>
/// Translated, constructed regular expressions shared by every run (a <see cref="Regex"/> is thread-safe).
/// Each carries the run's match timeout so a runaway pattern stops instead of hanging the run.
/// A pattern starts out interpreted (cheap to build) and is compiled once it has been asked for often: a hunt applies
/// a few hot patterns (<c>match()</c> in CIM calculated fields and detections) to tens of thousands of events, while
/// most patterns are used a handful of times. Both forms match exactly the same text.
/// A <c>match()</c> over long texts (a PowerShell script block is often kilobytes) runs on a third form, built by
/// <see cref="ForMatching"/>: see <c>RegexCache.Scanning.cs</c>.
/// The cache is bounded (<see cref="Capacity"/>): a long-running <c>ferret serve</c> that runs ad-hoc searches meets new
/// patterns for as long as it runs. A pattern dropped from the cache still works wherever it is held; asked for again,
/// it is built again.
/// </summary>
public static partial class RegexCache
{
    /// <summary>How many uses of a pattern make it worth compiling (a compilation costs about a millisecond). At 2,000,
    /// PowerShell 4104 Hunting's patterns, each applied once per script block, stayed interpreted over the shared corpora;
    /// at 256 that detection's hunt took 0.8 s less CPU (docs/benchmarks.md, "Allocation per event").</summary>
    private const int CompileAfterUses = 256;

    /// <summary>The most patterns each table keeps. ESCU's detections and macros write about 460 patterns (<c>match</c>,
    /// <c>rex</c>, <c>regex</c>, <c>replace</c>, <c>like</c>) and Ferret's own knowledge a few dozen, so a hunt with all
    /// the content never builds a pattern twice; a compiled pattern costs kilobytes to tens of kilobytes, so the cache
    /// stays within tens of megabytes whatever a server is asked.</summary>
    internal const int Capacity = 4096;

    private static readonly BoundedCache<(string Pattern, RegexOptions Options, TimeSpan Timeout), Entry> Cache = new(Capacity);

    /// <summary>PCRE patterns already translated, with their regex or the reason they cannot be used: a per-event
    /// <c>match()</c> or <c>like()</c> would otherwise translate (and so parse) its pattern again for every event.</summary>
    private static readonly BoundedCache<(string Pcre, RegexOptions Options, TimeSpan Timeout), (Entry? Entry, string Error)> Translated = new(Capacity);

    /// <summary>How many patterns are cached, as given and translated (for tests).</summary>
    internal static (int Translated, int Built) Count => (Translated.Count, Cache.Count);

    /// <summary>Translates a PCRE pattern; <paramref name="error"/> says why when it cannot be used.</summary>
    public static bool TryGet(string pcre, RegexOptions options, TimeSpan timeout, out Regex regex, out string error)
    {
        var (entry, reason) = Translated.GetOrAdd((pcre, options, timeout), static (key, _) =>
        {
            if (!PcreTranslator.TryTranslate(key.Pcre, out var dotnet, out var translationError))
            {
                return (null, translationError);
            }

            return (EntryFor(dotnet, key.Options, key.Timeout), string.Empty);
        }, 0);
        regex = entry?.Use()!;
        error = reason;
        return entry is not null;
    }

    public static Regex GetTranslated(string dotnetPattern, RegexOptions options, TimeSpan timeout) =>
        EntryFor(dotnetPattern, options, timeout).Use();

    private static Entry EntryFor(string dotnetPattern, RegexOptions options, TimeSpan timeout) =>
        Cache.GetOrAdd((dotnetPattern, options | RegexOptions.CultureInvariant, timeout),
            static (key, _) => Register(new Entry(new Regex(key.Pattern, key.Options, key.Timeout))), 0);

    /// <summary>One pattern: its current regex and how often it was asked for until it was compiled.</summary>
    private sealed partial class Entry(Regex interpreted)
    {
        private Regex _current = interpreted;
        private int _uses;

        public Regex Interpreted { get; } = interpreted;

        public Regex Use()
        {
            if (Volatile.Read(ref _uses) < CompileAfterUses && Interlocked.Increment(ref _uses) == CompileAfterUses)
            {
                var regex = Volatile.Read(ref _current);
                var compiled = new Regex(regex.ToString(), regex.Options | RegexOptions.Compiled, regex.MatchTimeout);
                ByRegex.AddOrUpdate(compiled, this);
                Volatile.Write(ref _current, compiled);
            }

            return Volatile.Read(ref _current);
        }
    }
}
