namespace Ferret.Events;

/// <summary>
/// One event or result row. Everything is a field, as in Splunk: <c>_time</c> (epoch seconds, a number),
/// <c>_raw</c>, <c>host</c>, <c>source</c>, <c>sourcetype</c>, <c>index</c> and extracted fields.
/// Field names are case-sensitive (Splunk Search Reference, "Use fields to search").
/// </summary>
public sealed class Event
{
    /// <summary>The event's own fields; for a copy that has not removed a field yet (<see cref="_base"/> set), only the
    /// fields it set since it was copied.</summary>
    private Dictionary<string, FieldValue> _fields;

    /// <summary>The fields of the event this one is a copy of, shared and never changed again, or null. A copy reads
    /// through to them until it removes a field: a search that copies each event before its first eval or rename (so
    /// the caller's event stays as read) then writes a few fields instead of copying all of them.</summary>
    private Dictionary<string, FieldValue>? _base;

    /// <summary>How many of the fields set on a copy are also in <see cref="_base"/> (their value replaced in place).</summary>
    private int _shadowed;

    /// <summary>Whether <see cref="_fields"/> is the base of a copy: the first change copies it first.</summary>
    private volatile bool _shared;

    /// <summary>The fields as one dictionary that copies (<see cref="CloneOnWrite"/>) read through to, when
    /// <see cref="_fields"/> cannot be shared itself; dropped when this event changes.</summary>
    private Dictionary<string, FieldValue>? _snapshot;

    /// <summary>Whether a field was removed from <see cref="_fields"/> (a dictionary refills a freed slot first, so only a
    /// dictionary without freed slots is shared: a copy of it then adds fields in the same places).</summary>
    private bool _removedAny;

    /// <summary>See <see cref="Attachment"/>.</summary>
    private object? _attachment;

    public Event()
    {
        _fields = new Dictionary<string, FieldValue>(StringComparer.Ordinal);
    }

    public Event(int capacity)
    {
        _fields = new Dictionary<string, FieldValue>(capacity, StringComparer.Ordinal);
    }

    private Event(Dictionary<string, FieldValue> fields, Dictionary<string, FieldValue>? baseFields)
    {
        _fields = fields;
        _base = baseFields;
    }

    /// <summary>The fields that have a value; a field set to null is removed.</summary>
    public EventFieldDictionary Fields => new(_fields, _base, _shadowed);

    public int FieldCount => _base is null ? _fields.Count : _base.Count + _fields.Count - _shadowed;

    public FieldValue this[string name]
    {
        get => _fields.TryGetValue(name, out var value) || (_base is not null && _base.TryGetValue(name, out value)) ? value : FieldValue.Null;
        set => Set(name, value);
    }

    public bool Has(string name) => _fields.ContainsKey(name) || (_base is not null && _base.ContainsKey(name));

    public void Set(string name, FieldValue value)
    {
        if (value.IsNull)
        {
            Remove(name);
            return;
        }

        _snapshot = null;
        if (_base is not null)
        {
            if (!_fields.ContainsKey(name) && _base.ContainsKey(name))
            {
                _shadowed++;
            }
        }
        else if (_shared)
        {
            Unshare();
        }

        _fields[name] = value;
    }

    public bool Remove(string name)
    {
        if (_base is null && !_shared)
        {
            if (!_fields.Remove(name))
            {
                return false;
            }
        }
        else
        {
            if (!Has(name))
            {
                return false;
            }

            if (_base is not null)
            {
                Materialize();
            }
            else
            {
                Unshare();
            }

            _fields.Remove(name);
        }

        _snapshot = null;
        _removedAny = true;
        return true;
    }

    /// <summary>Makes room for <paramref name="more"/> fields beyond those the event has, so that adding them does not grow
    /// its table step by step (a stage that adds many fields to events it owns, as normalization does). Fields added
    /// afterwards are listed after the present ones in the order they are added, as on a <see cref="Clone"/>: a table
    /// with freed slots (which it would refill first) or one shared with a copy is rebuilt instead.</summary>
    public void ReserveRoom(int more)
    {
        if (_base is null && !_shared && !_removedAny)
        {
            _fields.EnsureCapacity(_fields.Count + more);
            return;
        }

        _fields = FieldsCopy(more);
        _base = null;
        _shadowed = 0;
        _shared = false;
        _removedAny = false;
        _snapshot = null;
    }

    /// <summary>A copy of the event with a dictionary of its own: later changes to either leave the other as it is.</summary>
    public Event Clone()
    {
        var fields = _base is null
            ? new Dictionary<string, FieldValue>(_fields, StringComparer.Ordinal)
            : FieldsCopy();
        return new Event(fields, null) { Origin = Origin, Arrival = Arrival };
    }

    /// <summary>A copy of the event that reads through to this event's fields and keeps only what it changes (until it
    /// removes a field, when it takes a whole dictionary of its own); later changes to either leave the other as it
    /// is, and the copy lists its fields in the order <see cref="Clone"/>'s would. For the copy a search makes of each
    /// event before its first eval or rename, when many searches copy the same event and each changes a few fields.</summary>
    public Event CloneOnWrite()
    {
        Dictionary<string, FieldValue> shared;
        if (_base is null && !_removedAny)
        {
            _shared = true;
            shared = _fields;
        }
        else
        {
            // Fields with freed slots, or a copy's: one whole dictionary without freed slots, made once and shared by
            // every copy until this event changes.
            shared = _snapshot ??= FieldsCopy();
        }

        return new Event(new Dictionary<string, FieldValue>(StringComparer.Ordinal), shared) { Origin = Origin, Arrival = Arrival };
    }

    private Dictionary<string, FieldValue> FieldsCopy(int room = 0)
    {
        var fields = new Dictionary<string, FieldValue>(FieldCount + room, StringComparer.Ordinal);
        foreach (var (name, value) in Fields)
        {
            fields.Add(name, value);
        }

        return fields;
    }

    /// <summary>Gives this event its own copy of fields a copy of it reads.</summary>
    private void Unshare()
    {
        _fields = new Dictionary<string, FieldValue>(_fields, StringComparer.Ordinal);
        _shared = false;
    }

    /// <summary>Turns a copy's changes into a whole dictionary before a field is removed: the shared fields in order with
    /// the changes applied, then the fields it added in the order they were added, as on a full copy.</summary>
    private void Materialize()
    {
        var fields = new Dictionary<string, FieldValue>(_base!, StringComparer.Ordinal);
        foreach (var (name, value) in _fields)
        {
            fields[name] = value;
        }

        _fields = fields;
        _base = null;
        _shadowed = 0;
    }

    /// <summary>Where the event was read from (file and position), kept beside the fields rather than as one: Splunk
    /// has no field for it (<c>source</c> is the log's name, as the add-ons set it). Null for result rows and events
    /// made in memory.</summary>
    public EventOrigin? Origin { get; set; }

    /// <summary>The event's number in the order a hunt read its inputs, from 1 (0: not read by a hunt), carried by copies
    /// like <see cref="Origin"/>. A hunt reads the events its detections held again in that order, the events of one
    /// stretch of it at a time, so detections that hold the same events share each one read again.</summary>
    public long Arrival { get; set; }

    /// <summary>What a later stage attached to this very event and keeps as long as the event lives (the knowledge base's
    /// normalized form with its data model results): a reference on the event costs the garbage collector nothing per
    /// event, where a weak table keyed by the event holds a dependent handle for each. Not a field, and copies
    /// (<see cref="Clone"/>, <see cref="CloneOnWrite"/>) do not carry it: a copy is another event.</summary>
    public object? Attachment => Volatile.Read(ref _attachment);

    /// <summary>Attaches <paramref name="attachment"/> unless something is attached already (safe when several threads
    /// try at once: one wins); returns what is attached afterwards.</summary>
    public object Attach(object attachment)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        return Interlocked.CompareExchange(ref _attachment, attachment, null) ?? attachment;
    }

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

    public override string ToString() => Raw ?? string.Join(' ', Fields.Select(f => $"{f.Key}={f.Value}"));
}
