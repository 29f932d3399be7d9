using System.Collections.Concurrent;
using Ferret.Content;
using Ferret.Events;
using Ferret.Ingest;
using Ferret.Knowledge;

namespace Ferret.Detection.Testing;

/// <summary>
/// Attack data files read once per test run and shared by every test that replays them with the same
/// source, sourcetype and timestamp handling (ESCU reuses some datasets in twenty detections). Each dataset's
/// events are normalized once (knowledge). With <c>update_timestamp</c>, times are shifted so the newest event
/// is "now", as contentctl's replay does, keeping the spacing between events.
/// </summary>
internal sealed class DatasetCache(KnowledgeBase knowledge, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Lazy<Dataset>> _datasets = new(StringComparer.Ordinal);

    public Dataset Get(string path, AttackData data, string index)
    {
        var key = $"{path}\n{data.Source}\n{data.SourceType}\n{data.UpdateTimestamp}\n{index}";
        return _datasets.GetOrAdd(key, _ => new Lazy<Dataset>(() => Read(path, data, index))).Value;
    }

    private Dataset Read(string path, AttackData data, string index)
    {
        var problems = new ProblemCollector();
        var options = new IngestOptions { Source = data.Source, SourceType = data.SourceType, Index = index, IndexTime = knowledge.IndexTime };
        var raw = InputReader.ReadFile(path, options, problems).ToList();
        if (data.UpdateTimestamp == true && raw.Select(e => e.Time).Where(t => t.HasValue).Max() is { } newest)
        {
            var shift = EpochTime.FromDateTimeOffset(clock.GetUtcNow()) - newest;
            foreach (var e in raw)
            {
                if (e.Time is { } time)
                {
                    e.Time = time + shift;
                }
            }
        }

        return new Dataset([.. knowledge.Accelerate(raw)], problems.Problems);
    }
}

internal sealed record Dataset(IReadOnlyList<Event> Events, IReadOnlyList<InputProblem> Problems);
