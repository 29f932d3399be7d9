namespace Ferret.Events.Tests;

public sealed class EventFieldDictionaryTests
{
    public static TheoryData<string[]> FieldSets => new()
    {
        { [] },
        { ["_raw"] },
        { ["_raw", "host", "EventCode", "process_name"] },
    };

    [Theory]
    [MemberData(nameof(FieldSets))]
    public void Walking_the_fields_directly_or_through_the_interface_gives_the_same_pairs_in_the_same_order(string[] names)
    {
        var e = new Event();
        foreach (var name in names)
        {
            e.Set(name, name + "-value");
        }

        var direct = new List<KeyValuePair<string, FieldValue>>();
        foreach (var pair in e.Fields)
        {
            direct.Add(pair);
        }

        IReadOnlyDictionary<string, FieldValue> asInterface = e.Fields;
        Assert.Equal(asInterface.ToList(), direct);
        Assert.Equal(names, direct.Select(p => p.Key).ToArray());
        Assert.Equal(names.Length, e.Fields.Count);
        Assert.All(names, n => Assert.True(e.Fields.TryGetValue(n, out var v) && v.Text == n + "-value"));
    }
}
