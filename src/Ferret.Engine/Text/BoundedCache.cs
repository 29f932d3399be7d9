using System.Collections.Concurrent;

namespace Ferret.Engine.Text;

/// <summary>
/// A thread-safe map that holds at most a fixed number of entries. Past it, the entries not used since the last sweep
/// go (a second-chance sweep, close to least-recently-used without a list to update on every read), down to three
/// quarters of the capacity so that a sweep, which walks every entry, happens once per many additions. Reading an
/// entry costs a lookup and, at most, the write of its flag.
/// </summary>
internal sealed class BoundedCache<TKey, TValue>(int capacity) where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Slot> _slots = new();
    private readonly Lock _sweeping = new();
    private int _count;

    public int Capacity { get; } = Math.Max(1, capacity);

    public int Count => Volatile.Read(ref _count);

    /// <summary>The value of <paramref name="key"/>, made by <paramref name="create"/> when absent (it may run twice when
    /// two threads ask at once; one result is kept).</summary>
    public TValue GetOrAdd<TArgument>(TKey key, Func<TKey, TArgument, TValue> create, TArgument argument)
    {
        if (_slots.TryGetValue(key, out var slot))
        {
            slot.Touch();
            return slot.Value;
        }

        var made = new Slot(create(key, argument));
        slot = _slots.GetOrAdd(key, made);
        if (ReferenceEquals(slot, made) && Interlocked.Increment(ref _count) > Capacity)
        {
            Sweep();
        }

        return slot.Value;
    }

    private void Sweep()
    {
        lock (_sweeping)
        {
            var target = Capacity - (Capacity / 4);
            for (var pass = 0; pass < 2 && Count > target; pass++)
            {
                foreach (var (key, slot) in _slots)
                {
                    if (Count <= target)
                    {
                        break;
                    }

                    if (!slot.TakeChance() && _slots.TryRemove(new KeyValuePair<TKey, Slot>(key, slot)))
                    {
                        Interlocked.Decrement(ref _count);
                    }
                }
            }
        }
    }

    private sealed class Slot(TValue value)
    {
        private bool _used;

        public TValue Value { get; } = value;

        public void Touch()
        {
            if (!Volatile.Read(ref _used))
            {
                Volatile.Write(ref _used, true);
            }
        }

        /// <summary>Whether the entry was used since the last sweep; clears the mark, so an entry unused until the next
        /// sweep goes then.</summary>
        public bool TakeChance()
        {
            if (!Volatile.Read(ref _used))
            {
                return false;
            }

            Volatile.Write(ref _used, false);
            return true;
        }
    }
}
