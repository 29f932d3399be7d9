using System.Net;
using Ferret.Engine.Execution;
using Ferret.Engine.Limits;
using Ferret.Engine.Values;
using Ferret.Events;

namespace Ferret.Engine.Operators;

/// <summary>One sort key: field, direction, comparison (<c>num</c>, <c>str</c>, <c>ip</c>, <c>auto</c>/null).</summary>
public sealed record SortSpec(string Field, bool Descending, string? Comparison);

/// <summary>
/// <c>sort</c> (Search Reference, "sort command"): numbers before strings, numbers numerically, strings
/// lexicographically; results lacking the field go last. Without a count, at most 10,000 results are kept (Splunk's
/// default); <c>sort 0</c> keeps all. The sort is stable.
/// </summary>
public sealed class SortOperator(IReadOnlyList<SortSpec> keys, int limit) : BlockingOperator("sort")
{
    public const int DefaultLimit = 10_000;

    public override IEnumerable<Event> Execute(IEnumerable<Event> input, RunContext run)
    {
        var rows = RowBudget.Collect(input, run, "sort");
        var sorted = rows.Order(Comparer<Event>.Create(Compare));
        return limit > 0 ? sorted.Take(limit) : sorted;
    }

    public int Compare(Event a, Event b)
    {
        for (var k = 0; k < keys.Count; k++)
        {
            var key = keys[k];
            var x = a[key.Field].First;
            var y = b[key.Field].First;
            if (x.IsNull || y.IsNull)
            {
                if (x.IsNull && y.IsNull)
                {
                    continue;
                }

                return x.IsNull ? 1 : -1;
            }

            var c = key.Comparison switch
            {
                "str" => ValueComparer.Lexicographic(x, y),
                "num" => (x.TryGetNumber(out var nx) ? nx : double.MaxValue).CompareTo(y.TryGetNumber(out var ny) ? ny : double.MaxValue),
                "ip" => CompareIp(x.ToString(), y.ToString()),
                _ => ValueComparer.SortOrder(x, y),
            };
            if (c != 0)
            {
                return key.Descending ? -c : c;
            }
        }

        return 0;
    }

    private static int CompareIp(string a, string b)
    {
        if (IPAddress.TryParse(a, out var x) && IPAddress.TryParse(b, out var y))
        {
            var bx = x.GetAddressBytes();
            var by = y.GetAddressBytes();
            if (bx.Length != by.Length)
            {
                return bx.Length.CompareTo(by.Length);
            }

            for (var i = 0; i < bx.Length; i++)
            {
                if (bx[i] != by[i])
                {
                    return bx[i].CompareTo(by[i]);
                }
            }

            return 0;
        }

        return string.CompareOrdinal(a, b);
    }
}
