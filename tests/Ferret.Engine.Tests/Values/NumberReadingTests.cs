using Ferret.Engine.Values;
using Ferret.Events;

namespace Ferret.Engine.Tests.Values;

/// <summary><see cref="NumberReading"/> remembers the last string it parsed by reference; a slice of a longer text (a
/// Windows event's <c>EventData_Xml</c>) is parsed where it lies, and reading one never confuses the next value.</summary>
public sealed class NumberReadingTests
{
    private const string Raw = "<EventData><Data>42</Data><Data>abc</Data><Data> 0x1F </Data></EventData>";

    public static TheoryData<string[], double?[]> Sequences => new()
    {
        { ["slice:17:2", "slice:17:2", "7", "slice:32:3"], [42, 42, 7, null] },
        { ["7", "slice:48:6", "7", "slice:17:2"], [7, 31, 7, 42] },
        { ["abc", "slice:32:3", "slice:32:3", "1e3"], [null, null, null, 1000] },
    };

    [Theory]
    [MemberData(nameof(Sequences))]
    public void Values_read_one_after_another_read_as_their_own_text(string[] values, double?[] expected)
    {
        for (var i = 0; i < values.Length; i++)
        {
            var value = Value(values[i]);
            var isNumber = NumberReading.TryGetNumber(value, out var number);

            Assert.Equal(expected[i] is not null, isNumber);
            if (expected[i] is { } wanted)
            {
                Assert.Equal(wanted, number);
            }
        }
    }

    private static Scalar Value(string text)
    {
        if (!text.StartsWith("slice:", StringComparison.Ordinal))
        {
            return Scalar.Of(text);
        }

        var parts = text.Split(':');
        var slice = Scalar.OfSlice(Raw, int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(slice.IsSlice);
        return slice;
    }
}
