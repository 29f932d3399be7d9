namespace Ferret.Events.Tests;

/// <summary>A slice of a longer text (<see cref="Scalar.OfSlice"/>) must be indistinguishable from the string it stands for:
/// text, length, kind, number, equality and hash (so it groups, dedups and looks up as that string).</summary>
public sealed class ScalarSliceTests
{
    private const string Raw = "<Event><System>7040</System><EventData> 42 </EventData><Tail>0x1F</Tail></Event>";

    public static TheoryData<int, int> Ranges => new()
    {
        { 15, 4 },
        { 39, 4 },
        { 7, 28 },
        { 61, 4 },
        { 0, 0 },
        { Raw.Length, 0 },
        { 0, Raw.Length },
    };

    [Fact]
    public void Only_a_part_of_a_longer_text_is_a_slice()
    {
        Assert.True(Scalar.OfSlice(Raw, 39, 4).IsSlice);
        Assert.False(Scalar.OfSlice(Raw, 0, Raw.Length).IsSlice);
        Assert.False(Scalar.Of(Raw).IsSlice);
        Assert.False(Scalar.Of(42).IsSlice);
        Assert.False(Scalar.Of(1.5, -1).IsSlice);
        Assert.False(Scalar.Null.IsSlice);
    }

    [Theory]
    [MemberData(nameof(Ranges))]
    public void A_slice_reads_compares_and_hashes_as_the_string_it_stands_for(int start, int length)
    {
        var slice = Scalar.OfSlice(Raw, start, length);
        var text = Scalar.Of(Raw.Substring(start, length));

        Assert.Equal(text.ToString(), slice.ToString());
        Assert.Equal(length, slice.TextLength);
        Assert.True(slice.IsString);
        Assert.False(slice.IsNull);
        Assert.Null(slice.LastSignificantPlace);
        Assert.True(slice.Equals(text));
        Assert.True(text.Equals(slice));
        Assert.Equal(text.GetHashCode(), slice.GetHashCode());
        Assert.Equal(text.TryGetNumber(out var expected), slice.TryGetNumber(out var actual));
        Assert.Equal(expected, actual);
        Assert.Equal(FieldValue.Of(text), FieldValue.Of(slice));
        Assert.Equal(text.ToString(), FieldValue.Of(slice).Text);
        var buffer = new char[Raw.Length];
        Assert.True(slice.TryFormat(buffer, out var written));
        Assert.Equal(text.ToString(), new string(buffer, 0, written));
    }

    [Fact]
    public void Slices_of_different_text_differ_and_a_number_never_equals_a_slice()
    {
        var system = Scalar.OfSlice(Raw, 15, 4);

        Assert.NotEqual(Scalar.OfSlice(Raw, 16, 4), system);
        Assert.NotEqual(Scalar.OfSlice(Raw, 15, 3), system);
        Assert.NotEqual(Scalar.Of(7040), system);
        Assert.Equal(7040, system.TryGetNumber(out var number) ? number : double.NaN);
        Assert.Contains(Scalar.Of("7040"), new HashSet<Scalar> { system });
    }

    [Theory]
    [InlineData(-1, 2)]
    [InlineData(0, -1)]
    [InlineData(70, 20)]
    public void A_range_outside_the_text_is_refused(int start, int length) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Scalar.OfSlice(Raw, start, length));
}
