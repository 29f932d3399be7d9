namespace Ferret.Events;

/// <summary>
/// One event or result row. Everything is a field, as in Splunk: <c>_time</c> (epoch seconds, a number),
/// <c>_raw</c>, <c>host</c>, <c>source</c>, <c>sourcetype</c>, <c>index</c> and extracted fields.
/// Field names are case-sensitive (Splunk Search Reference, "Use fields to search").
/// </summary>
public sealed class Event
{
    private readonly Dictionary<string, FieldValue> _fields;

    public Event()
    {
        _fields = new Dictionary<string, FieldValue>(StringComparer.Ordinal);
    }

    public Event(int capacity)
    {
        _fields = new Dictionary<string, FieldValue>(capacity, StringComparer.Ordinal);
    }

    private Event(Dictionary<string, FieldValue> fields)
    {
        _fields = new Dictionary<string, FieldValue>(fields, StringComparer.Ordinal);
    }

    /// <summary>The fields that have a value; a field set to null is removed.</summary>
    public EventFieldDictionary Fields => new(_fields);

    public int FieldCount => _fields.Count;

    public FieldValue this[string name]
    {
        get => _fields.TryGetValue(name, out var value) ? value : FieldValue.Null;
        set => Set(name, value);
    }

    public bool Has(string name) => _fields.ContainsKey(name);

    public void Set(string name, FieldValue value)
    {
        if (value.IsNull)
        {
            _fields.Remove(name);
        }
        else
        {
            _fields[name] = value;
        }
    }

    public bool Remove(string name) => _fields.Remove(name);

    /// <summary>Where the event was read from (file and position), kept beside the fields rather than as one: Splunk
    /// has no field for it (<c>source</c> is the log's name, as the add-ons set it). Null for result rows and events
    /// made in memory.</summary>
    public EventOrigin? Origin { get; set; }

    public Event Clone() => new(_fields) { Origin = Origin };

    /// <summary><c>_time</c> in epoch seconds, or null when the event has none.</summary>
    public double? Time
    {
        get => this[FieldNames.Time].First.TryGetNumber(out var seconds) ? seconds : null;
        set => Set(FieldNames.Time, value is { } seconds ? FieldValue.Of(seconds) : FieldValue.Null);
    }

    public string? Raw
    {
        get => this[FieldNames.Raw].Text;
        set => Set(FieldNames.Raw, value);
    }

    public string? Host
    {
        get => this[FieldNames.Host].Text;
        set => Set(FieldNames.Host, value);
    }

    public string? Source
    {
        get => this[FieldNames.Source].Text;
        set => Set(FieldNames.Source, value);
    }

    public string? SourceType
    {
        get => this[FieldNames.SourceType].Text;
        set => Set(FieldNames.SourceType, value);
    }

    public string? Index
    {
        get => this[FieldNames.Index].Text;
        set => Set(FieldNames.Index, value);
    }

    public override string ToString() => Raw ?? string.Join(' ', _fields.Select(f => $"{f.Key}={f.Value}"));
}
