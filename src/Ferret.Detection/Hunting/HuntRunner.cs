using System.Collections.Concurrent;
using System.Diagnostics;
using Ferret.Detection.Compilation;
using Ferret.Engine;
using Ferret.Engine.DataModels;
using Ferret.Events;
using Ferret.Ingest;
using Ferret.Knowledge;

namespace Ferret.Detection.Hunting;

/// <summary>
/// Runs detections over inputs: compile every detection once; read the inputs in one pass (files in
/// parallel), normalizing each event once (knowledge, on threads beside the routing one) and routing it only to
/// the detections whose leading command could match it (<see cref="DetectionIndex"/>), where each detection's
/// leading filters test it at once so only the events they keep are held (<see cref="DetectionFeed"/>), the
/// detections fed on worker threads (<see cref="FeedWorkers"/>); then
/// finish each detection's search, detections in parallel; and turn each result row into a finding with its
/// notable, risk events and evidence.
/// Nothing is dropped in silence: detections that cannot compile or fail while running are listed with the
/// reason, input problems are counted with where and what.
/// </summary>
public static partial class HuntRunner
{
    public static HuntResult Run(HuntRequest request, KnowledgeBase knowledge)
    {
        var clock = Stopwatch.StartNew();
        var content = request.Compiled ?? CompiledContent.Compile(request.Content, request.Detections,
            progress: new Progress(request, request.Detections.Count));
        var selected = request.Detections.ToHashSet();
        var notRun = new ConcurrentBag<DetectionIssue>(content.Compilations.Where(c => c.Issue is not null && selected.Contains(c.Detection)).Select(c => c.Issue!));
        var compiled = content.Compilations.Select(c => c.Detection).ToHashSet();
        foreach (var missing in request.Detections.Where(d => !compiled.Contains(d)))
        {
            notRun.Add(new DetectionIssue(missing.Name, "not in the compiled content the run was given: compile it with the content it runs with", missing.FilePath));
        }

        var catalog = knowledge.DataModels;
        var runnable = new List<CompiledDetection>();
        foreach (var detection in content.Detections.Where(d => selected.Contains(d.Detection)))
        {
            if (detection.Filter is { Kind: LeadingFilterKind.DataModel, Dataset: { } dataset } && catalog.Resolve(dataset) is null)
            {
                notRun.Add(new DetectionIssue(detection.Detection.Name, $"data model dataset {dataset} is not defined in the knowledge base", detection.Detection.FilePath));
            }
            else
            {
                runnable.Add(detection);
            }
        }

        // With a risk stage, Correlation detections read the run's risk events after the others, not the inputs.
        var riskStage = request.RiskIncidentRules is not null;
        var correlations = riskStage ? runnable.Where(IsCorrelation).ToList() : [];
        var firstStage = riskStage ? runnable.Where(d => !IsCorrelation(d)).ToList() : runnable;
        var inputProblems = new ProblemCollector();
        var read = ReadAndRoute(request, knowledge, firstStage, catalog, inputProblems);
        var runProblems = new ConcurrentBag<DetectionIssue>();
        var findings = RunDetections(request, firstStage, read, notRun, runProblems);
        var riskStageElapsed = TimeSpan.Zero;
        if (request.RiskIncidentRules is { } rules)
        {
            findings = RunRiskStage(request, knowledge, content, correlations, rules, read, findings, notRun, runProblems, out riskStageElapsed);
        }

        // The findings keep their evidence as origins until it is shown; the events recalled for the detections go.
        read.Keeping?.LetGoOfRecalled();

        var summary = new HuntSummary
        {
            FilesRead = read.Files,
            EventsRead = read.Events,
            // Live: evidence shown after the run (a report) that cannot be read again is reported then, and listed.
            InputProblems = new ProblemsSoFar(inputProblems),
            DetectionsRun = runnable.Count - notRun.Count(n => runnable.Any(r => r.Detection.Name == n.Detection)),
            NotRun = [.. notRun.OrderBy(n => n.Detection, StringComparer.Ordinal)],
            RunProblems = [.. runProblems.OrderBy(n => n.Detection, StringComparer.Ordinal).ThenBy(n => n.Reason, StringComparer.Ordinal)],
            Findings = findings.Count,
            Notables = findings.Count(f => f.Notable is not null),
            RiskIncidents = findings.Count(f => f.Incident is not null),
            RiskEvents = findings.Sum(f => f.RiskEvents.Count),
            Elapsed = clock.Elapsed,
            RiskStageElapsed = riskStageElapsed,
            EarliestEvent = read.Earliest,
            LatestEvent = read.Latest,
        };
        return new HuntResult(findings, summary);
    }

    private static bool IsCorrelation(CompiledDetection detection) =>
        detection.Detection.Type.Equals(Content.DetectionTypes.Correlation, StringComparison.OrdinalIgnoreCase);

    /// <summary>Reports compiling progress as the hunt's first stage.</summary>
    private sealed class Progress(HuntRequest request, int total) : IProgress<int>
    {
        public void Report(int value) => request.Progress?.Report(new HuntProgress(HuntStage.Compiling, value, total));
    }

    /// <summary>What the read gave: each detection's feed, counts, the span of event times, and how the events held were
    /// kept (null: whole, events handed over in memory).</summary>
    internal sealed record ReadPass(DetectionFeed[] Feeds, int Files, long Events, double? Earliest, double? Latest, HuntEventKeeping? Keeping);

    private static ReadPass ReadAndRoute(HuntRequest request, KnowledgeBase knowledge, List<CompiledDetection> detections, Knowledge.DataModels.DataModelCatalog catalog, IProblemSink problems)
    {
        var ingest = request.Ingest with
        {
            IndexTime = request.Ingest.IndexTime ?? knowledge.IndexTime,
            EvtxMaxRenderedChars = request.Limits.EvtxMaxRenderedChars,
            EvtxDecodingThreads = request.Ingest.EvtxDecodingThreads ?? (request.Limits.EvtxDecodingThreads is > 0 and var decoding ? decoding : null),
        };
        var keeping = request.Events is null ? new HuntEventKeeping(ingest, knowledge, problems) : null;
        var feeds = StartFeeds(request, knowledge, detections, keeping);
        var index = new DetectionIndex(detections, catalog.Resolve);
        var files = request.Events is null ? InputReader.ExpandPaths(request.Inputs, problems) : [];
        var matched = new List<int>();

        // Once every detection routed an event has been fed it, its data model projections are let go.
        var threads = ThreadsOf(request);
        using var workers = new FeedWorkers(feeds, threads, request.FeedBatchSize, e => knowledge.Accelerated(e).ReleaseProjections());
        long events = 0;
        double? earliest = null;
        double? latest = null;
        var read = InWindow(request.Events ?? InputReader.Read(files, ingest, problems), request);
        foreach (var normalized in ReadNormalized(read, knowledge, threads))
        {
            events++;
            if (keeping is not null)
            {
                // Numbered only when read from the inputs here: events handed over in memory may be another run's too.
                normalized.Arrival = events;
            }

            if (normalized.Time is { } time)
            {
                earliest = earliest is null ? time : Math.Min(earliest.Value, time);
                latest = latest is null ? time : Math.Max(latest.Value, time);
            }

            index.Route(normalized, matched);
            workers.Add(normalized, matched);
            if (events % 1000 == 0)
            {
                request.Progress?.Report(new HuntProgress(HuntStage.Reading, events, 0));
            }
        }

        workers.Finish();
        request.Progress?.Report(new HuntProgress(HuntStage.Reading, events, events));
        return new ReadPass(feeds, files.Count, events, earliest, latest, keeping);
    }

    /// <summary>How many threads feed and finish the detections: the request's, else one per processor.</summary>
    private static int ThreadsOf(HuntRequest request) => request.Threads ?? Environment.ProcessorCount;

    /// <summary>The events inside the request's time window, by event time, as Splunk's earliest (inclusive) and latest
    /// (exclusive) bound a search; with a window, an event without a time is outside it.</summary>
    private static IEnumerable<Event> InWindow(IEnumerable<Event> events, HuntRequest request) =>
        request.Earliest is null && request.Latest is null
            ? events
            : events.Where(e => e.Time is { } t && (request.Earliest is not { } from || t >= from) && (request.Latest is not { } to || t < to));

    /// <summary>One feed per detection; prepared in parallel (each compiles the leading search that chooses evidence).
    /// Events read from the inputs are held as <paramref name="keeping"/> keeps them (null: whole).</summary>
    private static DetectionFeed[] StartFeeds(HuntRequest request, KnowledgeBase knowledge, List<CompiledDetection> detections, HuntEventKeeping? keeping)
    {
        var feeds = new DetectionFeed[detections.Count];
        Parallel.For(0, detections.Count, i =>
        {
            var detection = detections[i];
            feeds[i] = new DetectionFeed(detection, problems => Context(request, knowledge, detection.Detection.Name, problems) with { Keeping = keeping }, request.MaxEvidencePerFinding);
        });
        return feeds;
    }

    /// <summary>What one detection's run gets: the hunt's clock, lookups, GeoIP, data models and limits, its own problems.</summary>
    private static SearchContext Context(HuntRequest request, KnowledgeBase knowledge, string label, IProblemSink problems) => new()
    {
        Clock = request.Clock,
        Lookups = request.Lookups,
        GeoIp = request.GeoIp,
        DataModels = knowledge.DataModels,
        Problems = problems,
        Label = label,
        Limits = request.Limits,
        Earliest = request.Earliest,
        Latest = request.Latest,
    };
}
