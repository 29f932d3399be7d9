using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Ferret.Engine.Functions;
using Ferret.Engine.Text;
using Ferret.Engine.Time;
using Ferret.Events;
using Ferret.Ingest.Text;
using Ferret.Knowledge.Loading;

namespace Ferret.Knowledge.Conf.IndexTime;

/// <summary>
/// props.conf's index-time settings for the readers (Getting Data In, "Configure event line breaking" and "Configure
/// timestamp recognition"; props.conf spec): LINE_BREAKER, SHOULD_LINEMERGE with BREAK_ONLY_BEFORE or
/// BREAK_ONLY_BEFORE_DATE, MAX_EVENTS, TRUNCATE, INDEXED_EXTRACTIONS; then per event TIME_PREFIX, TIME_FORMAT,
/// MAX_TIMESTAMP_LOOKAHEAD and TZ (automatic recognition without TIME_FORMAT), and the TRANSFORMS- classes whose
/// DEST_KEY rewrites the sourcetype, host, source, index or <c>_raw</c>, or writes indexed fields (WRITE_META).
/// </summary>
internal sealed class ConfIndexTime(PropsResolver props, IReadOnlyDictionary<string, ConfTransform> transforms, TimeProvider clock, Action<KnowledgeProblem> report)
    : IIndexTimeRules
{
    private readonly ConcurrentDictionary<(string?, string?, string?), IndexTimePlan> _plans = new();

    public TextBreaking BreakingFor(string source, string sourceType) => PlanFor(source, sourceType, null).Breaking;

    public void Apply(Event e)
    {
        // Without a stanza for the event Splunk still recognises its timestamp by itself.
        var plan = PlanFor(e.Source, e.SourceType, e.Host);
        if (e.Time is null && e.Raw is { } raw)
        {
            e.Time = plan.FindTime(raw, clock);
        }

        if (plan.IsEmpty)
        {
            return;
        }

        if (plan.IndexedJson && e.Raw is { } json && json.TrimStart().StartsWith('{'))
        {
            foreach (var (path, values) in Spath.ExtractAll(json))
            {
                e.Set(path, FieldValue.Multi(values));
            }
        }

        foreach (var transform in plan.Transforms)
        {
            RunTransform(e, transform);
        }
    }

    private static void RunTransform(Event e, ConfTransform transform)
    {
        var input = transform.SourceKey switch
        {
            "MetaData:Source" => "source::" + e.Source,
            "MetaData:Host" => "host::" + e.Host,
            "MetaData:Sourcetype" => "sourcetype::" + e.SourceType,
            "_MetaData:Index" => e.Index,
            _ => e[transform.SourceKey].Text,
        };
        string? value;
        try
        {
            value = input is null ? null : transform.Rewrite(input);
        }
        catch (RegexMatchTimeoutException)
        {
            return;
        }

        if (value is null)
        {
            return;
        }

        switch (transform.DestKey)
        {
            case "MetaData:Sourcetype":
                e.SourceType = StripPrefix(value, "sourcetype::");
                break;
            case "MetaData:Host":
                e.Host = StripPrefix(value, "host::");
                break;
            case "MetaData:Source":
                e.Source = StripPrefix(value, "source::");
                break;
            case "_MetaData:Index":
                e.Index = value;
                break;
            case "_raw":
                e.Raw = value;
                break;
            case null:
                foreach (var (name, fieldValue) in transform.Extract(input!))
                {
                    e.Set(name, fieldValue);
                }

                break;
        }
    }

    private static string StripPrefix(string value, string prefix) =>
        value.StartsWith(prefix, StringComparison.Ordinal) ? value[prefix.Length..] : value;

    private IndexTimePlan PlanFor(string? source, string? sourceType, string? host) =>
        _plans.GetOrAdd((source, sourceType, host), key => Compile(props.Settings(key.Item1, key.Item2, key.Item3)));

    private IndexTimePlan Compile(IReadOnlyDictionary<string, ConfSetting> settings)
    {
        if (settings.Count == 0)
        {
            return IndexTimePlan.Empty;
        }

        var timeFormat = Value(settings, "TIME_FORMAT");
        var lookahead = int.TryParse(Value(settings, "MAX_TIMESTAMP_LOOKAHEAD"), out var chars) ? chars : 128;
        var zone = Zone(settings);
        var prefix = CompileRegex(settings, "TIME_PREFIX");
        var lineBreaker = CompileRegex(settings, "LINE_BREAKER") ?? TextBreaking.DefaultLineBreaker;
        var merge = !IsFalse(Value(settings, "SHOULD_LINEMERGE"));
        Func<string, bool>? isEventStart = null;
        if (merge)
        {
            if (CompileRegex(settings, "BREAK_ONLY_BEFORE") is { } before)
            {
                isEventStart = piece => before.IsMatch(piece);
            }
            else if (!IsFalse(Value(settings, "BREAK_ONLY_BEFORE_DATE")))
            {
                isEventStart = piece => TimestampRecognizer.Find(piece.Length > lookahead + 64 ? piece[..(lookahead + 64)] : piece, zone, clock) is not null;
            }
        }

        var breaking = new TextBreaking(
            lineBreaker,
            merge,
            isEventStart,
            int.TryParse(Value(settings, "TRUNCATE"), out var truncate) ? truncate : 10_000,
            int.TryParse(Value(settings, "MAX_EVENTS"), out var maxEvents) ? maxEvents : 256,
            Value(settings, "INDEXED_EXTRACTIONS")?.Trim().ToLowerInvariant());
        var transformList = new List<ConfTransform>();
        foreach (var setting in settings.Values.Where(s => s.Key.StartsWith("TRANSFORMS-", StringComparison.Ordinal)).OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            foreach (var name in ConfTransform.QuotedList(setting.Value))
            {
                if (transforms.TryGetValue(name, out var transform))
                {
                    transformList.Add(transform);
                }
                else
                {
                    report(new KnowledgeProblem(setting.File, setting.Line, 1, $"{setting.Key}: no usable transform '{name}' in transforms.conf"));
                }
            }
        }

        return new IndexTimePlan(breaking, prefix, timeFormat, lookahead, zone, breaking.IndexedExtractions == "json", transformList);
    }

    private Regex? CompileRegex(IReadOnlyDictionary<string, ConfSetting> settings, string key)
    {
        if (!settings.TryGetValue(key, out var setting) || setting.Value.Length == 0)
        {
            return null;
        }

        if (RegexCache.TryGet(setting.Value, RegexOptions.CultureInvariant | RegexOptions.Multiline, TimeSpan.FromSeconds(1), out var regex, out var error))
        {
            return regex;
        }

        report(new KnowledgeProblem(setting.File, setting.Line, 1, $"{key} does not compile: {error}"));
        return null;
    }

    private TimeZoneInfo? Zone(IReadOnlyDictionary<string, ConfSetting> settings)
    {
        if (!settings.TryGetValue("TZ", out var setting))
        {
            return null;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(setting.Value.Trim());
        }
        catch (Exception error) when (error is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            report(new KnowledgeProblem(setting.File, setting.Line, 1, $"TZ '{setting.Value}' is not a known time zone; UTC is used"));
            return null;
        }
    }

    private static string? Value(IReadOnlyDictionary<string, ConfSetting> settings, string key) =>
        settings.TryGetValue(key, out var setting) ? setting.Value : null;

    private static bool IsFalse(string? value) =>
        value is not null && (value.Equals("false", StringComparison.OrdinalIgnoreCase) || value == "0");

    /// <summary>The compiled index-time settings of one (source, sourcetype, host).</summary>
    private sealed record IndexTimePlan(
        TextBreaking Breaking, Regex? TimePrefix, string? TimeFormatText, int Lookahead, TimeZoneInfo? Zone, bool IndexedJson, IReadOnlyList<ConfTransform> Transforms)
    {
        public static IndexTimePlan Empty { get; } = new(TextBreaking.LinePerEvent, null, null, 128, null, false, []);

        public bool IsEmpty => ReferenceEquals(this, Empty);

        public double? FindTime(string raw, TimeProvider clock)
        {
            var start = 0;
            if (TimePrefix is not null)
            {
                var match = TimePrefix.Match(raw);
                if (!match.Success)
                {
                    return null;
                }

                start = match.Index + match.Length;
            }

            var window = raw.Substring(start, Math.Min(Lookahead, raw.Length - start));
            if (TimeFormatText is null)
            {
                return TimestampRecognizer.Find(window, Zone, clock);
            }

            var parsed = TimeFormat.Parse(window, TimeFormatText);
            var hasZone = TimeFormatText.Contains("%z", StringComparison.Ordinal) || TimeFormatText.Contains("%Z", StringComparison.Ordinal)
                || TimeFormatText.Contains("%s", StringComparison.Ordinal);
            return parsed is { } seconds && !hasZone ? TimestampRecognizer.InZone(seconds, Zone) : parsed;
        }
    }
}
