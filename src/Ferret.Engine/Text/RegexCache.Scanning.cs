using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace Ferret.Engine.Text;

/// <summary>
/// The form a pattern takes to test long texts. A backtracking regex tries each starting position of the text in turn,
/// so a long alternation (PowerShell 4104 Hunting tests a hundred cmdlet names against every script block) or a counted
/// run (<c>[A-Za-z0-9+/]{44,}</c>) costs far more per character than the same pattern as an automaton, which reads each
/// character once (<see cref="RegexOptions.NonBacktracking"/>). Whether a text matches does not depend on the engine:
/// both accept the same language with the same case folding; only which substring is reported for captures may differ,
/// so only the yes/no of <c>match()</c>, <c>like()</c> and <c>mvfind()</c> uses this form. On short texts the
/// automaton's fixed cost per call loses to the compiled regex, and building it costs milliseconds, so it is built
/// for a pattern only once that pattern has met several long texts.
/// </summary>
public static partial class RegexCache
{
    /// <summary>From this length a text is matched with the automaton (measured over the 4104 script blocks of the
    /// shared corpora: the compiled regex wins below about 64 characters, the automaton above; 4x at 2,000+).</summary>
    internal const int LongText = 256;

    /// <summary>How many long texts a pattern must meet before its automaton is built.</summary>
    internal const int ScanAfterLongTexts = 8;

    /// <summary>Each regex this cache handed out (interpreted or compiled), to its entry, for as long as the regex lives:
    /// a pattern dropped from the cache leaves this table when no plan holds its regex any more.</summary>
    private static readonly ConditionalWeakTable<Regex, Entry> ByRegex = new();

    /// <summary>The regex to answer only whether <paramref name="regex"/> matches a text of
    /// <paramref name="textLength"/> characters: <paramref name="regex"/> itself, or for a long text and a pattern of
    /// this cache that an automaton can run, that automaton (same pattern, options and timeout).</summary>
    public static Regex ForMatching(Regex regex, int textLength) =>
        textLength >= LongText && ByRegex.TryGetValue(regex, out var entry) ? entry.ScannerAfterLongUse() ?? regex : regex;

    private static Entry Register(Entry entry)
    {
        ByRegex.AddOrUpdate(entry.Interpreted, entry);
        return entry;
    }

    private sealed partial class Entry
    {
        private int _longUses;
        private Regex? _scanner;
        private bool _cannotScan;

        /// <summary>The automaton, once this pattern met <see cref="ScanAfterLongTexts"/> long texts; null before, and
        /// always for a pattern the automaton cannot run (backreferences, lookarounds, atomic groups).</summary>
        public Regex? ScannerAfterLongUse()
        {
            if (Volatile.Read(ref _scanner) is { } scanner)
            {
                return scanner;
            }

            if (Volatile.Read(ref _cannotScan) || Interlocked.Increment(ref _longUses) < ScanAfterLongTexts)
            {
                return null;
            }

            var built = BuildScanner(Interpreted);
            if (built is null)
            {
                Volatile.Write(ref _cannotScan, true);
                return null;
            }

            return Interlocked.CompareExchange(ref _scanner, built, null) ?? built;
        }

        private static Regex? BuildScanner(Regex regex)
        {
            try
            {
                return new Regex(regex.ToString(), (regex.Options & ~RegexOptions.Compiled) | RegexOptions.NonBacktracking, regex.MatchTimeout);
            }
            catch (NotSupportedException)
            {
                return null;
            }
        }
    }
}
