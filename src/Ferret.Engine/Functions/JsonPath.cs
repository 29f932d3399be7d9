using System.Text.Json.Nodes;

namespace Ferret.Engine.Functions;

/// <summary>
/// Splunk's JSON paths as <c>json_extract</c> and <c>spath</c> write them: keys joined by dots, array elements
/// as <c>{n}</c> (0-based) and <c>{}</c> for every element (Search Reference, "JSON functions", "spath").
/// </summary>
public static class JsonPath
{
    public readonly record struct Step(string? Key, int? Index, bool AllElements);

    public static Step[] Split(string path, bool exact)
    {
        if (exact)
        {
            return path.Length == 0 ? [] : [new Step(path, null, false)];
        }

        var steps = new List<Step>();
        var i = 0;
        var key = new System.Text.StringBuilder();
        void FlushKey()
        {
            if (key.Length > 0)
            {
                steps.Add(new Step(key.ToString(), null, false));
                key.Clear();
            }
        }

        while (i < path.Length)
        {
            var c = path[i];
            if (c == '.')
            {
                FlushKey();
                i++;
            }
            else if (c == '{' && path.IndexOf('}', i) is var close && close > i)
            {
                FlushKey();
                var inside = path[(i + 1)..close];
                steps.Add(inside.Length == 0
                    ? new Step(null, null, true)
                    : int.TryParse(inside, out var index) ? new Step(null, index, false) : new Step(inside, null, false));
                i = close + 1;
            }
            else
            {
                key.Append(c);
                i++;
            }
        }

        FlushKey();
        return [.. steps];
    }

    public static JsonNode? Navigate(JsonNode? node, ReadOnlySpan<Step> steps)
    {
        foreach (var step in steps)
        {
            node = step switch
            {
                { Key: { } key } when node is JsonObject obj => obj.TryGetPropertyValue(key, out var child) ? child : null,
                { Key: { } key } when node is JsonArray array && array.Count > 0 && array[0] is JsonObject first
                    => first.TryGetPropertyValue(key, out var child) ? child : null,
                { Index: { } index } when node is JsonArray array => index >= 0 && index < array.Count ? array[index]
                    : index < 0 && -index <= array.Count ? array[array.Count + index] : null,
                { AllElements: true } when node is JsonArray => node,
                _ => null,
            };
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    /// <summary>Every value a path reaches, expanding <c>{}</c> over array elements (for spath's multivalue results).</summary>
    public static IEnumerable<JsonNode?> NavigateAll(JsonNode? node, Step[] steps, int from = 0)
    {
        if (node is null)
        {
            yield break;
        }

        if (from == steps.Length)
        {
            if (node is JsonArray leafArray && steps.Length > 0 && steps[^1].AllElements)
            {
                foreach (var item in leafArray)
                {
                    yield return item;
                }
            }
            else
            {
                yield return node;
            }

            yield break;
        }

        var step = steps[from];
        if (step.AllElements && node is JsonArray array)
        {
            if (from == steps.Length - 1)
            {
                foreach (var item in array)
                {
                    yield return item;
                }

                yield break;
            }

            foreach (var item in array)
            {
                foreach (var found in NavigateAll(item, steps, from + 1))
                {
                    yield return found;
                }
            }

            yield break;
        }

        if (step.Key is { } key && node is JsonArray keyedArray)
        {
            foreach (var item in keyedArray)
            {
                if (item is JsonObject o && o.TryGetPropertyValue(key, out var child))
                {
                    foreach (var found in NavigateAll(child, steps, from + 1))
                    {
                        yield return found;
                    }
                }
            }

            yield break;
        }

        var next = Navigate(node, steps.AsSpan(from, 1));
        foreach (var found in NavigateAll(next, steps, from + 1))
        {
            yield return found;
        }
    }

    public static void Set(JsonNode root, Step[] steps, JsonNode? value)
    {
        if (steps.Length == 0)
        {
            return;
        }

        var node = root;
        for (var i = 0; i < steps.Length - 1; i++)
        {
            var step = steps[i];
            if (step.Key is { } key && node is JsonObject obj)
            {
                if (!obj.TryGetPropertyValue(key, out var child) || child is null)
                {
                    child = steps[i + 1].Index is not null ? new JsonArray() : new JsonObject();
                    obj[key] = child;
                }

                node = child;
            }
            else if (step.Index is { } index && node is JsonArray array && index >= 0 && index < array.Count && array[index] is { } element)
            {
                node = element;
            }
            else
            {
                return;
            }
        }

        var last = steps[^1];
        if (last.Key is { } lastKey && node is JsonObject target)
        {
            target[lastKey] = value;
        }
        else if (last.Index is { } lastIndex && node is JsonArray targetArray && lastIndex >= 0 && lastIndex < targetArray.Count)
        {
            targetArray[lastIndex] = value;
        }
    }
}
