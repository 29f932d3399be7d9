using System.Collections.Concurrent;
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
/// </summary>
public static partial class RegexCache
{
    /// <summary>How many uses of a pattern make it worth compiling (a compilation costs about a millisecond). At 2,000,
    /// PowerShell 4104 Hunting's patterns, each applied once per script block, stayed interpreted over the shared corpora;
    /// at 256 that detection's hunt took 0.8 s less CPU (docs/benchmarks.md, "Allocation per event").</summary>
    private const int CompileAfterUses = 256;

    private static readonly ConcurrentDictionary<(string Pattern, RegexOptions Options, TimeSpan Timeout), Entry> Cache = new();

    /// <summary>PCRE patterns already translated, with their regex or the reason they cannot be used: a per-event
    /// <c>match()</c> or <c>like()</c> would otherwise translate (and so parse) its pattern again for every event.</summary>
    private static readonly ConcurrentDictionary<(string Pcre, RegexOptions Options, TimeSpan Timeout), (Entry? Entry, string Error)> Translated = new();

    /// <summary>Translates a PCRE pattern; <paramref name="error"/> says why when it cannot be used.</summary>
    public static bool TryGet(string pcre, RegexOptions options, TimeSpan timeout, out Regex regex, out string error)
    {
        var (entry, reason) = Translated.GetOrAdd((pcre, options, timeout), static key =>
        {
            if (!PcreTranslator.TryTranslate(key.Pcre, out var dotnet, out var translationError))
            {
                return (null, translationError);
            }

            return (EntryFor(dotnet, key.Options, key.Timeout), string.Empty);
        });
        regex = entry?.Use()!;
        error = reason;
        return entry is not null;
    }

    public static Regex GetTranslated(string dotnetPattern, RegexOptions options, TimeSpan timeout) =>
        EntryFor(dotnetPattern, options, timeout).Use();

    private static Entry EntryFor(string dotnetPattern, RegexOptions options, TimeSpan timeout) =>
        Cache.GetOrAdd((dotnetPattern, options | RegexOptions.CultureInvariant, timeout),
            key => Register(new Entry(new Regex(key.Pattern, key.Options, key.Timeout))));

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
                ByRegex[compiled] = this;
                Volatile.Write(ref _current, compiled);
            }

            return Volatile.Read(ref _current);
        }
    }
}
