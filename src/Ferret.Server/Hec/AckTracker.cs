using System.Collections.Concurrent;

namespace Ferret.Server.Hec;

/// <summary>
/// Indexer acknowledgement: each channel (<c>X-Splunk-Request-Channel</c>, a GUID) numbers its requests from 0. Ferret
/// answers a request only once its events are committed, so an ackId is indexed as soon as it is issued; the tracker
/// remembers which were issued so <c>/services/collector/ack</c> answers true for those and false for any other. A query
/// consumes the ackIds it reports true, as Splunk's does.
/// </summary>
internal sealed class AckTracker
{
    private readonly ConcurrentDictionary<string, Channel> _channels = new(StringComparer.OrdinalIgnoreCase);

    public static bool IsValidChannel(string channel) => Guid.TryParse(channel, out _);

    public long Issue(string channel)
    {
        var state = _channels.GetOrAdd(channel, _ => new Channel());
        lock (state)
        {
            var id = state.Next++;
            state.Indexed.Add(id);
            return id;
        }
    }

    public Dictionary<string, bool> Query(string channel, IEnumerable<long> ackIds)
    {
        var answer = new Dictionary<string, bool>(StringComparer.Ordinal);
        var state = _channels.GetValueOrDefault(channel);
        foreach (var id in ackIds)
        {
            var indexed = false;
            if (state is not null)
            {
                lock (state)
                {
                    indexed = state.Indexed.Remove(id);
                }
            }

            answer[id.ToString(System.Globalization.CultureInfo.InvariantCulture)] = indexed;
        }

        return answer;
    }

    private sealed class Channel
    {
        public long Next { get; set; }

        public HashSet<long> Indexed { get; } = [];
    }
}
