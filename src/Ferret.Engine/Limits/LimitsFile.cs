using System.Globalization;
using Ferret.Events;

namespace Ferret.Engine.Limits;

/// <summary>
/// Reads a limits.conf file (Admin Manual, "limits.conf": <c>[stanza]</c> headers, <c>name = value</c> lines, <c>#</c>
/// comments, a trailing backslash continuing a line) over <see cref="SearchLimits.Default"/>. A setting Ferret does not
/// use, or a value it cannot read, is reported with its line and ignored, never applied in silence.
/// </summary>
public static class LimitsFile
{
    private delegate SearchLimits Setter(SearchLimits limits, long value);

    /// <summary>The settings Ferret honours, by stanza and name; values are integers (seconds, MB, counts, ms).</summary>
    private static readonly Dictionary<(string Stanza, string Name), Setter> Settings = new()
    {
        [("subsearch", "maxout")] = (l, v) => l with { SubsearchMaxOut = Count(v) },
        [("subsearch", "maxtime")] = (l, v) => l with { SubsearchMaxTime = Seconds(v) },
        [("join", "subsearch_maxout")] = (l, v) => l with { JoinSubsearchMaxOut = Count(v) },
        [("join", "subsearch_maxtime")] = (l, v) => l with { JoinSubsearchMaxTime = Seconds(v) },
        [("default", "max_mem_usage_mb")] = (l, v) => l with { MaxMemUsageMb = Count(v) },
        [("mvexpand", "max_mem_usage_mb")] = (l, v) => l with { MvexpandMaxMemUsageMb = Count(v) },
        [("discretize", "maxbins")] = (l, v) => l with { MaxBins = Count(v) },
        [("ferret", "max_mv_size")] = (l, v) => l with { MaxMvSize = Count(v) },
        [("ferret", "max_string_length")] = (l, v) => l with { MaxStringLength = Count(v) },
        [("ferret", "regex_match_timeout_ms")] = (l, v) => l with { RegexMatchTimeout = TimeSpan.FromMilliseconds(Math.Max(1, v)) },
        [("ferret", "regex_search_budget_ms")] = (l, v) => l with { RegexSearchBudget = TimeSpan.FromMilliseconds(v) },
        [("ferret", "evtx_max_rendered_chars")] = (l, v) => l with { EvtxMaxRenderedChars = Count(v) },
        [("ferret", "evtx_decoding_threads")] = (l, v) => l with { EvtxDecodingThreads = (int)Math.Min(v, int.MaxValue) },
    };

    /// <summary>The settings Ferret reads, as <c>[stanza] name</c>, for messages and docs.</summary>
    public static IEnumerable<string> KnownSettings => Settings.Keys.Select(k => $"[{k.Stanza}] {k.Name}");

    public static SearchLimits Load(string path, IProblemSink problems) =>
        Parse(File.ReadAllText(path), path, SearchLimits.Default, problems);

    public static SearchLimits Parse(string text, string fileName, SearchLimits start, IProblemSink problems)
    {
        var limits = start;
        var stanza = "default";
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var lineNumber = i + 1;
            var line = lines[i].Trim();
            while (line.EndsWith('\\') && i + 1 < lines.Length)
            {
                line = line[..^1] + lines[++i].Trim();
            }

            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (line[0] == '[' && line[^1] == ']')
            {
                stanza = line[1..^1].Trim().ToLowerInvariant();
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                problems.Report(new InputProblem(fileName, $"line {lineNumber}", $"expected 'name = value' or '[stanza]', found '{line}'; ignored"));
                continue;
            }

            var name = line[..equals].Trim().ToLowerInvariant();
            var value = line[(equals + 1)..].Trim();
            if (!Settings.TryGetValue((stanza, name), out var setter))
            {
                problems.Report(new InputProblem(fileName, $"line {lineNumber}",
                    $"[{stanza}] {name} is not a limit Ferret uses; ignored (docs/limits.md lists them)", ProblemSeverity.Warning));
                continue;
            }

            if (!long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) || number < 0)
            {
                problems.Report(new InputProblem(fileName, $"line {lineNumber}", $"[{stanza}] {name}: '{value}' is not a whole number of 0 or more; ignored"));
                continue;
            }

            limits = setter(limits, number);
        }

        return limits;
    }

    /// <summary>Splunk reads 0 as "no limit" for counts, sizes and times.</summary>
    private static TimeSpan Seconds(long value) => value == 0 ? TimeSpan.MaxValue : TimeSpan.FromSeconds(Math.Min(value, int.MaxValue));

    private static int Count(long value) => value == 0 || value > int.MaxValue ? int.MaxValue : (int)value;
}
