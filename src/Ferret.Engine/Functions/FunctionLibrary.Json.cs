using System.Text.Json;
using System.Text.Json.Nodes;
using Ferret.Engine.Values;
using Ferret.Events;

namespace Ferret.Engine.Functions;

public static partial class FunctionLibrary
{
    private const string Json = "JSON";

    private static void AddJson(Register add)
    {
        add("json_valid", (a, _) => Value.Of(Text(a[0]) is { } t && ParseJson(t) is not null));
        add("json_object", (a, _) =>
        {
            var obj = new JsonObject();
            for (var i = 0; i + 1 < a.Length; i += 2)
            {
                obj[Text(a[i]) ?? string.Empty] = ToJsonNode(a[i + 1]);
            }

            return Value.Of(obj.ToJsonString(JsonOutput));
        });
        add("json_array", (a, _) => Value.Of(new JsonArray(a.ToArray().Select(ToJsonNode).ToArray()).ToJsonString(JsonOutput)));
        add("json_keys", (a, _) => Text(a[0]) is { } t && ParseJson(t) is JsonObject o
            ? Value.Of(new JsonArray(o.Select(p => (JsonNode?)JsonValue.Create(p.Key)).ToArray()).ToJsonString(JsonOutput))
            : Value.Null);
        add("json_array_to_mv", (a, _) => Text(a[0]) is { } t && ParseJson(t) is JsonArray array
            ? Strings(array.Select(n => NodeText(n) ?? "null"))
            : Value.Null);
        add("mv_to_json_array", (a, _) =>
        {
            var infer = a.Length > 1 && IsTrue(a[1]);
            return Value.Of(new JsonArray(a[0].Field.Values.Select(v => infer ? InferJson(v.ToString()) : JsonValue.Create(v.ToString())).ToArray()).ToJsonString(JsonOutput));
        });
        add("json_extract", (a, _) => JsonExtract(a, exact: false));
        add("json_extract_exact", (a, _) => JsonExtract(a, exact: true));
        add("json_set", (a, _) => JsonSet(a, exact: false));
        add("json_set_exact", (a, _) => JsonSet(a, exact: true));
        add("json_delete", (a, _) =>
        {
            if (Text(a[0]) is not { } t || ParseJson(t) is not { } root)
            {
                return Value.Null;
            }

            for (var i = 1; i < a.Length; i++)
            {
                var path = JsonPath.Split(Text(a[i]) ?? string.Empty, exact: false);
                if (JsonPath.Navigate(root, path.AsSpan(0, path.Length - 1)) is JsonObject parent)
                {
                    parent.Remove(path[^1].Key ?? string.Empty);
                }
            }

            return Value.Of(root.ToJsonString(JsonOutput));
        });
        add("json_append", (a, _) => JsonAppend(a, extend: false));
        add("json_extend", (a, _) => JsonAppend(a, extend: true));
    }

    internal static JsonNode? ParseJson(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A JSON node as a field value: strings without quotes, other scalars as written, containers as JSON text.</summary>
    internal static string? NodeText(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => node.ToJsonString(JsonOutput),
    };

    private static JsonNode? ToJsonNode(Value value)
    {
        if (value.IsNull)
        {
            return null;
        }

        if (value.IsBoolean)
        {
            return JsonValue.Create(value.Boolean);
        }

        if (value.Field.IsMultivalue)
        {
            return new JsonArray(value.Field.Values.Select(v => (JsonNode?)ScalarNode(v)).ToArray());
        }

        var text = value.First.ToString();
        if (value.First.IsString && (text.StartsWith('{') || text.StartsWith('[')) && ParseJson(text) is { } parsed)
        {
            return parsed;
        }

        return ScalarNode(value.First);
    }

    private static JsonValue ScalarNode(Scalar scalar) =>
        scalar.IsNumber ? JsonValue.Create(scalar.Number) : JsonValue.Create(scalar.ToString());

    private static JsonValue? InferJson(string text) =>
        Scalar.TryParseNumber(text, out var n) ? JsonValue.Create(n)
        : text is "true" or "false" ? JsonValue.Create(text == "true")
        : text == "null" ? null
        : JsonValue.Create(text);

    private static Value JsonExtract(ReadOnlySpan<Value> a, bool exact)
    {
        if (Text(a[0]) is not { } t || ParseJson(t) is not { } root)
        {
            return Value.Null;
        }

        if (a.Length == 1)
        {
            return Value.Of(root.ToJsonString(JsonOutput));
        }

        if (a.Length == 2)
        {
            var steps = JsonPath.Split(Text(a[1]) ?? string.Empty, exact);
            return steps.Any(step => step.AllElements)
                ? ExtractEveryElement(root, steps)
                : Value.Of(NodeText(JsonPath.Navigate(root, steps)));
        }

        var results = new JsonArray();
        for (var i = 1; i < a.Length; i++)
        {
            results.Add(JsonPath.Navigate(root, JsonPath.Split(Text(a[i]) ?? string.Empty, exact))?.DeepClone());
        }

        return Value.Of(results.ToJsonString(JsonOutput));
    }

    /// <summary>A path with <c>{}</c> reaches every element of an array: json_extract returns what it reaches as one JSON
    /// array (Search Reference, "JSON functions", json_extract: "{}" stands for all the elements of an array).</summary>
    private static Value ExtractEveryElement(JsonNode root, JsonPath.Step[] steps)
    {
        var found = new JsonArray();
        foreach (var node in JsonPath.NavigateAll(root, steps))
        {
            found.Add(node?.DeepClone());
        }

        return found.Count == 0 ? Value.Null : Value.Of(found.ToJsonString(JsonOutput));
    }

    private static Value JsonSet(ReadOnlySpan<Value> a, bool exact)
    {
        if (Text(a[0]) is not { } t || ParseJson(t) is not { } root)
        {
            return Value.Null;
        }

        for (var i = 1; i + 1 < a.Length; i += 2)
        {
            var path = JsonPath.Split(Text(a[i]) ?? string.Empty, exact);
            JsonPath.Set(root, path, ToJsonNode(a[i + 1]));
        }

        return Value.Of(root.ToJsonString(JsonOutput));
    }

    private static Value JsonAppend(ReadOnlySpan<Value> a, bool extend)
    {
        if (Text(a[0]) is not { } t || ParseJson(t) is not { } root)
        {
            return Value.Null;
        }

        for (var i = 1; i + 1 < a.Length; i += 2)
        {
            var path = JsonPath.Split(Text(a[i]) ?? string.Empty, exact: false);
            if (JsonPath.Navigate(root, path) is not JsonArray target)
            {
                continue;
            }

            var node = ToJsonNode(a[i + 1]);
            if (extend && node is JsonArray items)
            {
                foreach (var item in items.ToArray())
                {
                    target.Add(item?.DeepClone());
                }
            }
            else
            {
                target.Add(node);
            }
        }

        return Value.Of(root.ToJsonString(JsonOutput));
    }
}
