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

        /// <summary>The events' places grouped by detection, each group in event order; set when the batch is split.</summary>
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

        public void Seal(int[] slots, int parts)
        {
            Slots = slots;
            _partsLeft = parts;
        }

        /// <summary>Counts one detection's part as fed; true for the last one.</summary>
        public bool PartFed() => Interlocked.Decrement(ref _partsLeft) == 0;
    }
}
