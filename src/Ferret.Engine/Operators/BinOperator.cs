using System.Globalization;
using Ferret.Engine.Execution;
using Ferret.Engine.Limits;
using Ferret.Engine.Time;
using Ferret.Events;

namespace Ferret.Engine.Operators;

/// <summary>A bin span: a number, or a time span such as <c>1h</c>, <c>5m</c>, <c>1d</c>, <c>1mon</c> (Search Reference, "bin command").</summary>
public sealed record BinSpan(double Amount, TimeUnit? Unit)
{
    public static bool TryParse(string text, out BinSpan span)
    {
        span = null!;
        var t = text.Trim();
        var i = 0;
        while (i < t.Length && (char.IsAsciiDigit(t[i]) || t[i] == '.'))
        {
            i++;
        }

        var amountText = i == 0 ? "1" : t[..i];
        if (!double.TryParse(amountText, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) || amount <= 0)
        {
            return false;
        }

        if (i == t.Length)
        {
            span = new BinSpan(amount, null);
            return true;
        }

        if (!TimeUnits.TryParse(t[i..], out var unit))
        {
            return false;
        }

        span = new BinSpan(amount, unit);
        return true;
    }

    public double Seconds => Unit is { } u ? Amount * TimeUnits.Seconds(u) : Amount;

    /// <summary>The start of the bucket holding <paramref name="value"/>: calendar months/years snap to the month, others to multiples of the span since the epoch.</summary>
    public double Floor(double value)
    {
        if (Unit is TimeUnit.Month or TimeUnit.Quarter or TimeUnit.Year)
        {
            var t = EpochTime.ToDateTimeOffset(value);
            var months = Unit switch { TimeUnit.Month => (int)Amount, TimeUnit.Quarter => 3 * (int)Amount, _ => 12 * (int)Amount };
            var index = ((t.Year * 12) + t.Month - 1) / Math.Max(1, months) * Math.Max(1, months);
            return EpochTime.FromDateTimeOffset(new DateTimeOffset(index / 12, (index % 12) + 1, 1, 0, 0, 0, TimeSpan.Zero));
        }

        var size = Seconds;
        return Math.Floor(value / size) * size;
    }

    public double Next(double bucketStart)
    {
        if (Unit is TimeUnit.Month or TimeUnit.Quarter or TimeUnit.Year)
        {
            var months = Unit switch { TimeUnit.Month => (int)Amount, TimeUnit.Quarter => 3 * (int)Amount, _ => 12 * (int)Amount };
            return EpochTime.FromDateTimeOffset(EpochTime.ToDateTimeOffset(bucketStart).AddMonths(months));
        }

        return bucketStart + Seconds;
    }
}

/// <summary>
/// <c>bin</c>/<c>bucket</c> with a span: <c>_time</c> (and any field binned with a time span) becomes the bucket start;
/// other numeric fields become a range text <c>lo-hi</c>, as Splunk prints them.
/// </summary>
public sealed class BinOperator(string field, string target, BinSpan span) : StreamingOperator("bin")
{
    public override bool Process(Event e, RunContext run)
    {
        if (!e[field].First.TryGetNumber(out var value))
        {
            return true;
        }

        var start = span.Floor(value);
        if (field == FieldNames.Time || span.Unit is not null)
        {
            e.Set(target, FieldValue.Of(start));
        }
        else
        {
            e.Set(target, FieldValue.Of(FieldValue.Of(start).Text + "-" + FieldValue.Of(start + span.Amount).Text));
        }

        return true;
    }
}

/// <summary><c>bin bins=N field</c> without a span: needs every value first to find the range.</summary>
public sealed class BinByCountOperator(string field, string target, int bins) : BlockingOperator("bin")
{
    public override bool MutatesEvents => true;

    public override IEnumerable<Event> Execute(IEnumerable<Event> input, RunContext run)
    {
        var rows = RowBudget.Collect(input, run, "bin");
        var numbers = rows.Select(r => r[field].First.TryGetNumber(out var n) ? n : (double?)null).Where(n => n is not null).Select(n => n!.Value).ToList();
        if (numbers.Count == 0)
        {
            return rows;
        }

        var range = numbers.Max() - numbers.Min();
        var size = NiceSpan(range / Math.Max(1, bins), field == FieldNames.Time);
        var op = new BinOperator(field, target, new BinSpan(size, null));
        return op.Execute(rows, run);
    }

    private static double NiceSpan(double raw, bool time)
    {
        if (time)
        {
            foreach (var candidate in (double[])[1, 10, 60, 300, 600, 1800, 3600, 86400, 604800, 2_592_000])
            {
                if (candidate >= raw)
                {
                    return candidate;
                }
            }

            return 31_536_000;
        }

        var power = Math.Pow(10, Math.Ceiling(Math.Log10(Math.Max(raw, 1e-9))));
        return power;
    }
}
