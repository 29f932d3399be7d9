namespace Ferret.Events;

/// <summary>
/// A string value that is a part of a longer text the event keeps anyway (a section of <c>_raw</c>, such as a Windows
/// event's <c>EventData_Xml</c>), held as that text and a range instead of a copy of its characters: most events are
/// never asked for such a field, and the copies of the sections were a twentieth of all a hunt allocated. The value
/// reads, compares and hashes as the string it stands for; its text is cut out each time it is asked for as a string.
/// </summary>
public readonly partial struct Scalar
{
    /// <summary>The place field of a slice (a string never has a place): the range sits in the number's bits.</summary>
    private const short SliceMarker = -1;

    /// <summary>Whether this string value is a slice of a longer text (<see cref="OfSlice"/>): its <see cref="ToString"/>
    /// cuts a new string each time, so a reader that remembers values by their string's reference should read it as it
    /// is instead.</summary>
    public bool IsSlice => _kind == ScalarKind.String && _biasedPlace == SliceMarker;

    /// <summary>The characters of a string value, without cutting a slice out.</summary>
    private ReadOnlySpan<char> TextSpan
    {
        get
        {
            if (!IsSlice)
            {
                return _text.AsSpan();
            }

            var range = BitConverter.DoubleToInt64Bits(_number);
            return _text.AsSpan((int)(range >> 32), (int)(uint)range);
        }
    }

    /// <summary>How many characters the value's text has (a string's, a slice's), without making the text.</summary>
    public int TextLength => _kind == ScalarKind.String ? TextSpan.Length : ToString().Length;

    /// <summary>The part of <paramref name="text"/> of <paramref name="length"/> characters at <paramref name="start"/>, as a
    /// string value that does not copy it.</summary>
    public static Scalar OfSlice(string text, int start, int length)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, text.Length - start);
        if (start == 0 && length == text.Length)
        {
            return Of(text);
        }

        var range = ((long)start << 32) | (uint)length;
        return new Scalar(text, BitConverter.Int64BitsToDouble(range), ScalarKind.String, SliceMarker);
    }
}
