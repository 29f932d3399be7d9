using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Ferret.Events;

/// <summary>
/// The fields of an <see cref="Event"/>, read-only. A struct whose <c>foreach</c> uses the dictionary's own struct
/// enumerator: walking an event's fields (rename, table, row size estimates, evidence) happens for every event of a
/// hunt, and through the interface each walk allocated an enumerator.
/// </summary>
public readonly struct EventFieldDictionary : IReadOnlyDictionary<string, FieldValue>
{
    private readonly Dictionary<string, FieldValue> _fields;

    internal EventFieldDictionary(Dictionary<string, FieldValue> fields) => _fields = fields;

    public int Count => _fields.Count;

    public Dictionary<string, FieldValue>.KeyCollection Keys => _fields.Keys;

    public Dictionary<string, FieldValue>.ValueCollection Values => _fields.Values;

    IEnumerable<string> IReadOnlyDictionary<string, FieldValue>.Keys => _fields.Keys;

    IEnumerable<FieldValue> IReadOnlyDictionary<string, FieldValue>.Values => _fields.Values;

    public FieldValue this[string key] => _fields[key];

    public bool ContainsKey(string key) => _fields.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out FieldValue value) => _fields.TryGetValue(key, out value);

    public Dictionary<string, FieldValue>.Enumerator GetEnumerator() => _fields.GetEnumerator();

    IEnumerator<KeyValuePair<string, FieldValue>> IEnumerable<KeyValuePair<string, FieldValue>>.GetEnumerator() => _fields.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _fields.GetEnumerator();
}
