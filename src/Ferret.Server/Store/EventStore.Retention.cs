namespace Ferret.Server.Store;

internal sealed partial class EventStore
{
    /// <summary>How long after its span ends a hot bucket with no writes rolls to warm.</summary>
    public static readonly TimeSpan HotIdle = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Rolls idle hot buckets whose span has ended to warm, then freezes (deletes) buckets past their index's
    /// retention: every bucket whose newest possible event is older than the maximum age, then the oldest buckets
    /// while the index is larger than its maximum size. Returns what it did, for the server's log.
    /// </summary>
    public IReadOnlyList<string> Maintain()
    {
        var done = new List<string>();
        var now = _clock.GetUtcNow();
        var nowEpoch = now.ToUnixTimeMilliseconds() / 1000.0;
        lock (_bucketsGate)
        {
            foreach (var bucket in _buckets.Values.Where(b => b.IsHot && b.End < nowEpoch && now - b.LastWrite > HotIdle).ToList())
            {
                bucket.RollToWarm();
                done.Add($"rolled {bucket.Index} bucket {bucket.Start:0} to warm");
            }

            foreach (var index in _indexes.Values)
            {
                var buckets = _buckets.Values.Where(b => b.Index == index.Name).OrderBy(b => b.Start).ToList();
                var size = buckets.Sum(b => b.SizeInBytes);
                foreach (var bucket in buckets)
                {
                    var tooOld = bucket.End < nowEpoch - index.MaxAge.TotalSeconds;
                    var tooBig = size > index.MaxTotalBytes;
                    if (!tooOld && !tooBig)
                    {
                        break;
                    }

                    size -= bucket.SizeInBytes;
                    bucket.Delete();
                    _buckets.Remove((bucket.Index, bucket.Start));
                    done.Add($"froze {bucket.Index} bucket {bucket.Start:0} ({(tooOld ? "older than the index's maximum age" : "index over its maximum size")})");
                }
            }
        }

        return done;
    }
}
