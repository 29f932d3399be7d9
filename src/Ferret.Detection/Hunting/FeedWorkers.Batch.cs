using Ferret.Events;

namespace Ferret.Detection.Hunting;

internal sealed partial class FeedWorkers
{
    /// <summary>The parts of batches waiting for one detection, and whether a worker has it (or it is queued for one).</summary>
    private sealed class Mailbox
    {
        public Queue<Part> Pending { get; } = new();

        public bool Scheduled { get; set; }
    }

    /// <summary>One detection's events of a batch: <see cref="Batch.Slots"/>[Start, Start + Length).</summary>
    private readonly record struct Part(Batch Batch, int Start, int Length);

    /// <summary>Events gathered by the routing thread and, per event, the detections it was routed to.</summary>
    private sealed class Batch(int capacity)
    {
        private int _partsLeft;

        public Event[] Events { get; } = new Event[capacity];

        public int Count { get; private set; }

        /// <summary>The detection of each route (an event and one of its detections), in routing order.</summary>
        public List<int> RouteDetections { get; } = [];

        /// <summary>The event (its place in <see cref="Events"/>) of each route.</summary>
        public List<int> RouteEvents { get; } = [];

        /// <summary>The events' places grouped by detection, each group in event order; filled when the batch is split
        /// (<see cref="SealSlots"/>). Kept with the batch and reused, so it may be longer than the batch's routes.</summary>
        public int[] Slots { get; private set; } = [];

        public void Add(Event e, List<int> detections)
        {
            foreach (var detection in detections)
            {
                RouteDetections.Add(detection);
                RouteEvents.Add(Count);
            }

            Events[Count++] = e;
        }

        /// <summary>Readies <see cref="Slots"/> for <paramref name="routes"/> routes split into <paramref name="parts"/>
        /// detections' parts, and returns it to be filled.</summary>
        public int[] SealSlots(int routes, int parts)
        {
            if (Slots.Length < routes)
            {
                Slots = new int[Math.Max(routes, Slots.Length * 2)];
            }

            _partsLeft = parts;
            return Slots;
        }

        /// <summary>Counts one detection's part as fed; true for the last one.</summary>
        public bool PartFed() => Interlocked.Decrement(ref _partsLeft) == 0;

        /// <summary>Empties the batch to be filled again, letting go of its events; its lists keep their room.</summary>
        public void Clear()
        {
            Array.Clear(Events, 0, Count);
            Count = 0;
            RouteDetections.Clear();
            RouteEvents.Clear();
        }
    }
}
