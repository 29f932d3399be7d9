using Ferret.Events;

namespace Ferret.Events.Tests;

public sealed class FieldValueTests
{
    [Fact]
    public void A_multivalue_of_one_value_collapses_to_a_single_value()
    {
        var value = FieldValue.Multi(["only"]);

        Assert.False(value.IsMultivalue);
        Assert.Equal("only", value.Text);
    }

    public static TheoryData<IEnumerable<Scalar>, string[]> ScalarSources => new()
    {
        { new[] { Scalar.Of("a"), Scalar.Null, Scalar.Of(2) }, ["a", "2"] },
        { new List<Scalar> { Scalar.Null, Scalar.Of("only"), Scalar.Null }, ["only"] },
        { FieldValue.Multi(["x", "y", "z"]).Values, ["x", "y", "z"] },
        { FieldValue.Of("one").Values, ["one"] },
        { Iterated("p q"), ["p", "q"] },
        { Array.Empty<Scalar>(), [] },
    };

    [Theory]
    [MemberData(nameof(ScalarSources))]
    public void A_multivalue_keeps_the_non_null_values_in_order_whatever_collection_they_come_in(IEnumerable<Scalar> values, string[] expected)
    {
        var value = FieldValue.Multi(values);

        Assert.Equal(expected, value.Texts.ToArray());
        Assert.Equal(expected.Length > 1, value.IsMultivalue);
    }

    /// <summary>Values that only an enumerator gives (no collection to copy from).</summary>
    private static IEnumerable<Scalar> Iterated(string texts)
    {
        foreach (var text in texts.Split(' '))
        {
            yield return Scalar.Of(text);
        }
    }

    [Fact]
    public void A_multivalue_of_no_values_is_null()
    {
        Assert.True(FieldValue.Multi(Array.Empty<string>()).IsNull);
    }

    [Theory]
    [InlineData(3.0, "3")]
    [InlineData(-12.0, "-12")]
    [InlineData(0.5, "0.5")]
    public void Numbers_print_as_Splunk_prints_them(double number, string expected)
    {
        Assert.Equal(expected, FieldValue.Of(number).Text);
    }

    [Theory]
    [InlineData("42", 42.0)]
    [InlineData(" 1.5e3 ", 1500.0)]
    [InlineData("0x1F", 31.0)]
    public void Strings_that_look_like_numbers_read_as_numbers(string text, double expected)
    {
        Assert.True(Scalar.Of(text).TryGetNumber(out var number));
        Assert.Equal(expected, number);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("12abc")]
    [InlineData("Infinity")]
    public void Strings_that_are_not_numbers_do_not_read_as_numbers(string text)
    {
        Assert.False(Scalar.Of(text).TryGetNumber(out _));
    }

    [Fact]
    public void Setting_a_field_to_null_removes_it()
    {
        var e = new Event { ["a"] = "1" };

        e["a"] = FieldValue.Null;

        Assert.False(e.Has("a"));
        Assert.Equal(0, e.FieldCount);
    }

    [Fact]
    public void Field_names_are_case_sensitive()
    {
        var e = new Event { ["User"] = "alice" };

        Assert.True(e["user"].IsNull);
    }

    [Fact]
    public void Filetime_converts_to_epoch_seconds()
    {
        // 2019-03-19T23:35:55.0000000Z as a FILETIME.
        var seconds = EpochTime.FromFileTime(131975121550000000L);

        Assert.Equal(new DateTimeOffset(2019, 3, 19, 23, 35, 55, TimeSpan.Zero), EpochTime.ToDateTimeOffset(seconds));
    }
}
