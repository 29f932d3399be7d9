using Ferret.Engine;
using Ferret.Events;

namespace Ferret.Engine.Tests;

/// <summary>Helpers: build events from <c>field=value</c> pairs, run SPL, read results as text.</summary>
internal static class Spl
{
    public static readonly DateTimeOffset Now = new(2024, 5, 15, 12, 34, 56, TimeSpan.Zero);

    public static Event Ev(params (string Field, object Value)[] fields)
    {
        var e = new Event();
        foreach (var (field, value) in fields)
        {
            e.Set(field, value switch
            {
                string s => FieldValue.Of(s),
                double d => FieldValue.Of(d),
                int i => FieldValue.Of(i),
                string[] many => FieldValue.Multi(many),
                FieldValue v => v,
                _ => FieldValue.Of(value.ToString()),
            });
        }

        return e;
    }

    public static FieldValue Mv(params string[] values) => FieldValue.Multi(values);

    public static Event Raw(string raw, params (string Field, object Value)[] fields)
    {
        var e = Ev(fields);
        e.Raw = raw;
        return e;
    }

    public static SearchContext Context(ProblemCollector? problems = null) => new()
    {
        Clock = new FixedClock(Now),
        Problems = problems,
    };

    public static List<Event> Run(string spl, IEnumerable<Event> events, SearchContext? context = null)
    {
        var compiled = SearchEngine.Compile(spl);
        Assert.False(compiled.HasErrors, string.Join("; ", compiled.Diagnostics));
        return compiled.Run(events.ToList(), context ?? Context()).ToList();
    }

    public static List<Event> Run(string spl, params Event[] events) => Run(spl, (IEnumerable<Event>)events);

    /// <summary>The value of <paramref name="field"/> in each result (multivalues joined by '|', null as "∅").</summary>
    public static string[] Column(this IEnumerable<Event> results, string field) =>
        results.Select(r => r[field].IsNull ? "∅" : string.Join('|', r[field].Texts)).ToArray();

    public static string Single(this IEnumerable<Event> results, string field) => Assert.Single(results.Column(field));

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
