using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ferret.Engine.Execution;
using Ferret.Engine.Functions;
using Ferret.Events;

namespace Ferret.Engine.Operators;

/// <summary>
/// <c>spath [input=f] [output=g] [path=p]</c> (Search Reference, "spath command"): with a path, its value(s) go to
/// <c>output</c> (default the path); without, every leaf of the JSON or XML document becomes a field named by its path.
/// </summary>
public sealed class SpathOperator(string input, string? path, string? output) : StreamingOperator("spath")
{
    public override bool Process(Event e, RunContext run)
    {
        if (e[input].Text is not { } text)
        {
            return true;
        }

        if (path is not null)
        {
            e.Set(output ?? path, FieldValue.Multi(Spath.Extract(text, path)));
            return true;
        }

        foreach (var (name, values) in Spath.ExtractAll(text))
        {
            e.Set(name, FieldValue.Multi(values));
        }

        return true;
    }
}

/// <summary><c>xmlkv [field]</c>: each <c>&lt;key&gt;value&lt;/key&gt;</c> pair in the text becomes a field (Search Reference, "xmlkv command").</summary>
public sealed partial class XmlkvOperator(string field) : StreamingOperator("xmlkv")
{
    public override bool Process(Event e, RunContext run)
    {
        if (e[field].Text is not { } text)
        {
            return true;
        }

        var collected = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (Match match in Pair().Matches(text))
        {
            var name = match.Groups[1].Value;
            if (!collected.TryGetValue(name, out var list))
            {
                list = [];
                collected[name] = list;
            }

            list.Add(System.Net.WebUtility.HtmlDecode(match.Groups[2].Value));
        }

        foreach (var (name, values) in collected)
        {
            e.Set(name, FieldValue.Multi(values));
        }

        return true;
    }

    [GeneratedRegex(@"<([A-Za-z_][\w.\-]*)(?:\s[^<>]*)?>([^<]*)</\1>", RegexOptions.None, 1000)]
    private static partial Regex Pair();
}

/// <summary><c>fromjson field [prefix=p]</c>: the top-level keys of a JSON object become fields; arrays become multivalue fields.</summary>
public sealed class FromjsonOperator(string field, string prefix) : StreamingOperator("fromjson")
{
    public override bool Process(Event e, RunContext run)
    {
        if (e[field].Text is not { } text || FunctionLibrary.ParseJson(text) is not JsonObject obj)
        {
            return true;
        }

        foreach (var (key, node) in obj)
        {
            var value = node is JsonArray array
                ? FieldValue.Multi(array.Select(item => FunctionLibrary.NodeText(item) ?? "null"))
                : FieldValue.Of(FunctionLibrary.NodeText(node));
            e.Set(prefix + key, value);
        }

        return true;
    }
}
