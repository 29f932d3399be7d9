namespace Ferret.Engine.Matching;

/// <summary>
/// Splunk's default segmentation (segmenters.conf, "[default]"): major breakers split an event into
/// segments, minor breakers split segments further; a search term matches an event when it lines up with
/// segment boundaries in <c>_raw</c> (Search Manual, "About segmentation" and "Event segmentation and searching").
/// </summary>
public static class Segmenter
{
    private const string MajorBreakers = " \t\r\n[]<>(){}|!;,'\"*&?+";
    private const string MinorBreakers = "/:=@.-$#%\\_";

    private static readonly bool[] IsMajorTable = BuildTable(MajorBreakers);
    private static readonly bool[] IsBreakerTable = BuildTable(MajorBreakers + MinorBreakers);

    public static bool IsMajorBreaker(char c) => c < 128 && IsMajorTable[c];

    public static bool IsBreaker(char c) => c < 128 && IsBreakerTable[c];

    private static bool[] BuildTable(string characters)
    {
        var table = new bool[128];
        foreach (var c in characters)
        {
            table[c] = true;
        }

        return table;
    }
}
