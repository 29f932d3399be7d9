using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Ferret.Events;

/// <summary>
/// The fields of an <see cref="Event"/>, read-only, in order. A struct whose <c>foreach</c> uses struct enumerators:
/// walking an event's fields (rename, table, row size estimates, evidence) happens for every event of a hunt, and
/// through the interface each walk allocated an enumerator. A copy of an event that reads through to the fields of
/// the event it copied (<see cref="Event.Clone"/>) lists those first, with the values it replaced, then the fields it
/// added in the order it added them: the order a full copy would have.
/// </summary>
public readonly struct EventFieldDictionary : IReadOnlyDictionary<string, FieldValue>
{
    private readonly Dictionary<string, FieldValue> _fields;
    private readonly Dictionary<string, FieldValue>? _base;
    private readonly int _shadowed;

    internal EventFieldDictionary(Dictionary<string, FieldValue> fields, Dictionary<string, FieldValue>? baseFields, int shadowed)
    {
        _fields = fields;
        _base = baseFields;
        _shadowed = shadowed;
    }

    public int Count => _base is null ? _fields.Count : _base.Count + _fields.Count - _shadowed;

    public KeyCollection Keys => new(this);

    public ValueCollection Values => new(this);

    IEnumerable<string> IReadOnlyDictionary<string, FieldValue>.Keys => Keys;

    IEnumerable<FieldValue> IReadOnlyDictionary<string, FieldValue>.Values => Values;

    public FieldValue this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"the event has no field '{key}'");

    public bool ContainsKey(string key) => _fields.ContainsKey(key) || (_base is not null && _base.ContainsKey(key));

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out FieldValue value) =>
        _fields.TryGetValue(key, out value) || (_base is not null && _base.TryGetValue(key, out value));

    public Enumerator GetEnumerator() => new(_fields, _base);

    IEnumerator<KeyValuePair<string, FieldValue>> IEnumerable<KeyValuePair<string, FieldValue>>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The shared fields (with replaced values) first, then the event's own fields that are not among them. The
    /// own fields' enumerator starts when they are reached, so replacing values while the shared ones are walked is
    /// allowed, as on a dictionary.</summary>
    public struct Enumerator : IEnumerator<KeyValuePair<string, FieldValue>>
    {
        private readonly Dictionary<string, FieldValue> _fields;
        private readonly Dictionary<string, FieldValue>? _baseFields;
        private Dictionary<string, FieldValue>.Enumerator _base;
        private Dictionary<string, FieldValue>.Enumerator _own;
        private bool _inOwn;

        internal Enumerator(Dictionary<string, FieldValue> fields, Dictionary<string, FieldValue>? baseFields)
        {
            _fields = fields;
            _baseFields = baseFields;
            _base = baseFields is not null ? baseFields.GetEnumerator() : default;
            _own = baseFields is null ? fields.GetEnumerator() : default;
            _inOwn = baseFields is null;
            Current = default;
        }

        public KeyValuePair<string, FieldValue> Current { get; private set; }

        readonly object IEnumerator.Current => Current;

        public bool MoveNext()
        {
            if (!_inOwn)
            {
                if (_base.MoveNext())
                {
                    var shared = _base.Current;
                    Current = _fields.TryGetValue(shared.Key, out var replaced) ? new(shared.Key, replaced) : shared;
                    return true;
                }

                _inOwn = true;
                _own = _fields.GetEnumerator();
            }

            while (_own.MoveNext())
            {
                if (_baseFields is null || !_baseFields.ContainsKey(_own.Current.Key))
                {
                    Current = _own.Current;
                    return true;
                }
            }

            return false;
        }

        public void Reset() => throw new NotSupportedException();

        public readonly void Dispose()
        {
        }
    }

    public readonly struct KeyCollection(EventFieldDictionary fields) : IReadOnlyCollection<string>
    {
        public int Count => fields.Count;

        public KeyEnumerator GetEnumerator() => new(fields.GetEnumerator());

        IEnumerator<string> IEnumerable<string>.GetEnumerator() => GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    public struct KeyEnumerator(Enumerator inner) : IEnumerator<string>
    {
        private Enumerator _inner = inner;

        public readonly string Current => _inner.Current.Key;

        readonly object IEnumerator.Current => Current;

        public bool MoveNext() => _inner.MoveNext();

        public void Reset() => throw new NotSupportedException();

        public readonly void Dispose()
        {
        }
    }

    public readonly struct ValueCollection(EventFieldDictionary fields) : IReadOnlyCollection<FieldValue>
    {
        public int Count => fields.Count;

        public ValueEnumerator GetEnumerator() => new(fields.GetEnumerator());

        IEnumerator<FieldValue> IEnumerable<FieldValue>.GetEnumerator() => GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    public struct ValueEnumerator(Enumerator inner) : IEnumerator<FieldValue>
    {
        private Enumerator _inner = inner;

        public readonly FieldValue Current => _inner.Current.Value;

        readonly object IEnumerator.Current => Current;

        public bool MoveNext() => _inner.MoveNext();

        public void Reset() => throw new NotSupportedException();

        public readonly void Dispose()
        {
        }
    }
}
