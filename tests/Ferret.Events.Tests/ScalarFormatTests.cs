using Ferret.Events;

namespace Ferret.Events.Tests;

public sealed class ScalarFormatTests
{
    public static TheoryData<Scalar> Scalars => new()
    {
        Scalar.Of("text"),
        Scalar.Of(string.Empty),
        Scalar.Null,
        Scalar.Of(42),
        Scalar.Of(-7),
        Scalar.Of(1733300000),
        Scalar.Of(0.1 + 0.2),
        Scalar.Of(1e20),
        Scalar.Of(-2.5e-8),
        Scalar.Of(0.30000000000000004, -1),
        Scalar.Of(1234.5678, 2),
        Scalar.Of(double.MaxValue),
    };

    [Theory]
    [MemberData(nameof(Scalars))]
    public void Formatting_into_a_buffer_writes_what_ToString_gives(Scalar value)
    {
        var buffer = new char[64];

        Assert.True(value.TryFormat(buffer, out var written));

        Assert.Equal(value.ToString(), new string(buffer, 0, written));
    }

    [Theory]
    [MemberData(nameof(Scalars))]
    public void Formatting_into_a_buffer_too_small_says_so(Scalar value)
    {
        var text = value.ToString();
        if (text.Length == 0)
        {
            Assert.True(value.TryFormat(Span<char>.Empty, out var none));
            Assert.Equal(0, none);
            return;
        }

        Assert.False(value.TryFormat(new char[text.Length - 1], out _));
    }
}
