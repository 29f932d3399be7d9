namespace Ferret.Engine.Operators;

/// <summary>What <c>foreach</c> iterates over (Search Reference, "foreach command", <c>mode=</c>): the fields matching a
/// wildcard list (multifield, the default), the values of one multivalue field, the elements of one field holding a
/// JSON array, or (auto_collections) whichever of those one field holds, a single value being a collection of one.</summary>
public enum ForeachMode
{
    Multifield,
    Multivalue,
    JsonArray,
    AutoCollections,
}

/// <summary>The placeholders of a <c>foreach</c> template and the options that rename them (Search Reference, "foreach
/// command": <c>fieldstr=</c> for <c>&lt;&lt;FIELD&gt;&gt;</c>, <c>matchstr=</c> for <c>&lt;&lt;MATCHSTR&gt;&gt;</c>,
/// <c>matchseg1=</c> to <c>matchseg3=</c> for <c>&lt;&lt;MATCHSEG1&gt;&gt;</c>..., <c>itemstr=</c> for
/// <c>&lt;&lt;ITEM&gt;&gt;</c>).</summary>
public sealed record ForeachPlaceholders(string Field, string MatchString, IReadOnlyList<string> MatchSegments, string Item)
{
    public static ForeachPlaceholders Default { get; } =
        new("<<FIELD>>", "<<MATCHSTR>>", ["<<MATCHSEG1>>", "<<MATCHSEG2>>", "<<MATCHSEG3>>"], "<<ITEM>>");

    /// <summary>Every placeholder, for a template checked before any value is known.</summary>
    public IEnumerable<string> All => new[] { Field, MatchString, Item }.Concat(MatchSegments);

    /// <summary>The template for field <paramref name="name"/> whose wildcards matched <paramref name="captures"/>.</summary>
    public string ForField(string template, string name, string[] captures)
    {
        var text = template.Replace(Field, name, StringComparison.Ordinal)
            .Replace(MatchString, string.Concat(captures), StringComparison.Ordinal);
        for (var i = 0; i < MatchSegments.Count; i++)
        {
            text = text.Replace(MatchSegments[i], i < captures.Length ? captures[i] : string.Empty, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>The template for one value (multivalue mode) or array element (json_array mode), written in as text.</summary>
    public string ForItem(string template, string item) => template.Replace(Item, item, StringComparison.Ordinal);
}
