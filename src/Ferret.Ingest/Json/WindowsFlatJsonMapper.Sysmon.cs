using Ferret.Ingest.Windows;

namespace Ferret.Ingest.Json;

internal static partial class WindowsFlatJsonMapper
{
    /// <summary>
    /// Sysmon renders its message as one <c>Name: value</c> line per EventData element, in order. NXLog folds
    /// key names case-insensitively, so Sysmon's <c>ProcessId</c> is lost under the System <c>ProcessID</c>, and it
    /// drops empty values. The message gives back the order and the lost values; values present in the record win.
    /// </summary>
    private static void RestoreSysmonData(WindowsEventDraft draft)
    {
        var fromRecord = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in draft.EventData)
        {
            if (name is not null)
            {
                fromRecord.TryAdd(name, value);
            }
        }

        var ordered = new List<KeyValuePair<string?, string>>(draft.EventData.Count + 2);
        var used = new HashSet<string>(StringComparer.Ordinal);
        var lines = draft.Message!.Split('\n');
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var colon = line.IndexOf(": ", StringComparison.Ordinal);
            if (colon <= 0 || line.AsSpan(0, colon).ContainsAny(' ', '\t'))
            {
                continue;
            }

            var name = line[..colon];
            if (!used.Add(name))
            {
                continue;
            }

            ordered.Add(new(name, fromRecord.TryGetValue(name, out var value) ? value : line[(colon + 2)..]));
        }

        foreach (var pair in draft.EventData)
        {
            if (pair.Key is null || !used.Contains(pair.Key))
            {
                ordered.Add(pair);
            }
        }

        draft.EventData.Clear();
        draft.EventData.AddRange(ordered);
    }
}
