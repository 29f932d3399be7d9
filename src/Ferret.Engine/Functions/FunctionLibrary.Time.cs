using Ferret.Engine.Time;
using Ferret.Engine.Values;
using Ferret.Events;

namespace Ferret.Engine.Functions;

public static partial class FunctionLibrary
{
    private const string DateTime = "Date and Time";

    private static void AddTime(Register add)
    {
        // now() is the time the search started; time() is the wall clock at the moment of evaluation
        // (Search Reference, "Date and Time functions").
        add("now", (_, rt) => Value.Of(Math.Floor(EpochTime.FromDateTimeOffset(rt.SearchStart))));
        add("time", (_, rt) => Value.Of(EpochTime.FromDateTimeOffset(rt.Clock.GetUtcNow()).ToString("F6", System.Globalization.CultureInfo.InvariantCulture)));
        add("relative_time", (a, _) =>
        {
            if (Number(a[0]) is not { } time || Text(a[1]) is not { } modifier || !TimeModifier.TryParse(modifier, out var parsed, out string _))
            {
                return Value.Null;
            }

            var resolved = parsed.ResolveEpoch(EpochTime.ToDateTimeOffset(time));
            return Value.Of(resolved);
        });
        add("strftime", (a, _) => Number(a[0]) is { } time && Text(a[1]) is { } format
            ? Value.Of(TimeFormat.Format(time, format))
            : Value.Null);
        add("strptime", (a, _) => Text(a[0]) is { } text && Text(a[1]) is { } format && TimeFormat.Parse(text, format) is { } epoch
            ? Value.Of(epoch)
            : Value.Null);
    }
}
