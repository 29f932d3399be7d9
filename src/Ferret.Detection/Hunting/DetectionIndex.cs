using Ferret.Detection.Compilation;
using Ferret.Engine.DataModels;
using Ferret.Events;

namespace Ferret.Detection.Hunting;

/// <summary>
/// Detections indexed by what their leading command needs (a <c>field=value</c>, a data model dataset, or
/// nothing), so one pass over the events routes each event only to the detections that could match it
/// (see <see cref="LeadingFilter"/>). Not thread-safe: one instance per reading pass.
/// </summary>
internal sealed class DetectionIndex
{
    private readonly Dictionary<string, Dictionary<string, List<int>>> _byField = new(StringComparer.Ordinal);
    private readonly List<(IDataModelView View, List<int> Detections)> _byDataset = [];
    private readonly List<int> _everyEvent = [];
    private readonly int[] _stamp;
    private int _eventNumber;

    public DetectionIndex(IReadOnlyList<CompiledDetection> detections, Func<string, IDataModelView?> resolveDataset)
    {
        _stamp = new int[detections.Count];
        var datasets = new Dictionary<string, (IDataModelView View, List<int> Detections)>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < detections.Count; i++)
        {
            var filter = detections[i].Filter;
            switch (filter.Kind)
            {
                case LeadingFilterKind.FieldValues:
                    foreach (var key in filter.Keys)
                    {
                        if (!_byField.TryGetValue(key.Field, out var byValue))
                        {
                            byValue = new Dictionary<string, List<int>>(StringComparer.Ordinal);
                            _byField[key.Field] = byValue;
                        }

                        if (!byValue.TryGetValue(key.Value, out var list))
                        {
                            list = [];
                            byValue[key.Value] = list;
                        }

                        if (list.Count == 0 || list[^1] != i)
                        {
                            list.Add(i);
                        }
                    }

                    break;
                case LeadingFilterKind.DataModel when resolveDataset(filter.Dataset!) is { } view:
                    if (!datasets.TryGetValue(filter.Dataset!, out var entry))
                    {
                        entry = (view, []);
                        datasets[filter.Dataset!] = entry;
                    }

                    entry.Detections.Add(i);
                    break;
                case LeadingFilterKind.NoEvents:
                case LeadingFilterKind.DataModel:
                    break;
                default:
                    _everyEvent.Add(i);
                    break;
            }
        }

        _byDataset.AddRange(datasets.Values);
    }

    /// <summary>Fills <paramref name="matched"/> with every detection that could match <paramref name="e"/>, each once.</summary>
    public void Route(Event e, List<int> matched)
    {
        matched.Clear();
        var number = ++_eventNumber;
        foreach (var (field, byValue) in _byField)
        {
            var value = e[field];
            if (value.IsNull)
            {
                continue;
            }

            foreach (var scalar in value.Values)
            {
                if (byValue.TryGetValue(KeyOf(scalar), out var detections))
                {
                    Add(detections, matched, number);
                }
            }
        }

        foreach (var (view, detections) in _byDataset)
        {
            if (view.Contains(e))
            {
                Add(detections, matched, number);
            }
        }

        Add(_everyEvent, matched, number);
    }

    /// <summary><see cref="LeadingFilter.Normalize"/> of the value's text, without a new string when the text is
    /// already trimmed lower-case ASCII (event codes, most channel names' lookups).</summary>
    private static string KeyOf(Scalar scalar)
    {
        var text = scalar.ToString();
        foreach (var c in text)
        {
            if (c is >= 'A' and <= 'Z' or > '\x7f' || char.IsWhiteSpace(c))
            {
                return LeadingFilter.Normalize(text);
            }
        }

        return text;
    }

    private void Add(List<int> detections, List<int> matched, int number)
    {
        foreach (var detection in detections)
        {
            if (_stamp[detection] != number)
            {
                _stamp[detection] = number;
                matched.Add(detection);
            }
        }
    }
}
