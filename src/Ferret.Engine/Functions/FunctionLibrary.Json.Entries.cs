using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ferret.Engine.Values;

namespace Ferret.Engine.Functions;

/// <summary>
/// The JSON functions that read an object's keys and entries, and the <c>json</c> validator (Search Reference,
/// "JSON functions": json, json_entries, json_has_key_exact).
/// </summary>
public static partial class FunctionLibrary
{
    /// <summary>
    /// How the JSON functions write JSON: Splunk writes a quote inside a string as <c>\"</c> and leaves other characters
    /// as they are, where System.Text.Json's default encoder would write <c>\u0022</c> and escape HTML characters.
    /// </summary>
    internal static JsonSerializerOptions JsonOutput { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static void AddJsonEntries(Register add)
    {
        add("json", (a, _) => Text(a[0]) is { } t && ParseJson(t) is not null ? Value.Of(t) : Value.Null);
        add("json_has_key_exact", (a, _) =>
            Value.Of(Text(a[0]) is { } t && Text(a[1]) is { } key && ParseJson(t) is JsonObject o && o.ContainsKey(key)));
        add("json_entries", (a, _) =>
        {
            if (Text(a[0]) is not { } t || ParseJson(t) is not JsonObject o)
            {
                return Value.Null;
            }

            var entries = new JsonArray();
            foreach (var (key, value) in o)
            {
                entries.Add(new JsonObject { ["key"] = key, ["value"] = value?.DeepClone() });
            }

            return Value.Of(entries.ToJsonString(JsonOutput));
        });
    }
}
