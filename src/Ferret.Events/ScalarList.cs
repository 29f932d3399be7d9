using System.Collections;

namespace Ferret.Events;

/// <summary>
/// The values of a <see cref="FieldValue"/> as a list, without allocating: a view of the field's single value or its
/// array. <c>foreach</c> over it uses the struct enumerator; reading values is the hottest path of a hunt (every search
/// term, routing key and aggregate reads them), where an array per read was the largest share of allocations.
/// </summary>
public readonly struct ScalarList : IReadOnlyList<Scalar>
{
    private readonly Scalar _single;
    private readonly Scalar[]? _many;

    internal ScalarList(Scalar single, Scalar[]? many)
    {
        _single = single;
        _many = many;
    }

    internal Scalar Single => _single;

    internal Scalar[]? Many => _many;

    public int Count => _many?.Length ?? (_single.IsNull ? 0 : 1);

    public Scalar this[int index] =>
        _many is not null ? _many[index]
        : index == 0 && !_single.IsNull ? _single
        : throw new ArgumentOutOfRangeException(nameof(index));

    public Enumerator GetEnumerator() => new(this);

    IEnumerator<Scalar> IEnumerable<Scalar>.GetEnumerator() =>
        _many is not null ? ((IEnumerable<Scalar>)_many).GetEnumerator() : SingleValue(_single);

    private static IEnumerator<Scalar> SingleValue(Scalar single)
    {
        if (!single.IsNull)
        {
            yield return single;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable<Scalar>)this).GetEnumerator();

    /// <summary>Enumerates the values in order without allocating.</summary>
    public struct Enumerator
    {
        private readonly ScalarList _list;
        private int _index;

        internal Enumerator(ScalarList list)
        {
            _list = list;
            _index = -1;
        }

        public readonly Scalar Current => _list[_index];

        public bool MoveNext() => ++_index < _list.Count;
    }
}
