using Ferret.Server.Logging;

namespace Ferret.Server.Hec;

/// <summary>Counts what HEC takes in and logs the rate to <c>_internal</c> at most once every
/// <see cref="Period"/> (events and bytes per second since the last line), as Splunk's metrics.log does.</summary>
internal sealed class IngestMeter(InternalLog log, TimeProvider clock)
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();
    private long _events;
    private long _bytes;
    private DateTimeOffset _since = clock.GetUtcNow();

    public void Add(int events, long bytes)
    {
        long eventCount;
        long byteCount;
        double seconds;
        lock (_gate)
        {
            _events += events;
            _bytes += bytes;
            var now = clock.GetUtcNow();
            seconds = (now - _since).TotalSeconds;
            if (seconds < Period.TotalSeconds)
            {
                return;
            }

            eventCount = _events;
            byteCount = _bytes;
            _events = 0;
            _bytes = 0;
            _since = now;
        }

        log.Info("hec", $"ingested {eventCount} events ({byteCount} bytes) in {seconds:0.#} s",
            ("events", eventCount), ("bytes", byteCount), ("eps", eventCount / seconds), ("kbps", byteCount / 1024.0 / seconds));
    }
}
