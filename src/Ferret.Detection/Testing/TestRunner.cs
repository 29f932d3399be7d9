using System.Collections.Concurrent;
using System.Diagnostics;
using Ferret.Content;
using Ferret.Detection.Compilation;
using Ferret.Detection.Hunting;
using Ferret.Detection.Notables;
using Ferret.Detection.Risk;
using Ferret.Detection.Search;
using Ferret.Engine;
using Ferret.Events;
using Ferret.Knowledge;

namespace Ferret.Detection.Testing;

/// <summary>
/// contentctl's unit test, offline: for each test of a detection, replay its attack data files (ingested with
/// the test's source and sourcetype), run the detection over all time with its filter macro, and decide with
/// <see cref="ResultValidator"/>. A test whose data is not on disk is skipped with the path, not failed.
/// The notables and risk events the results would make are built and counted (integration-style).
/// </summary>
public static partial class TestRunner
{
    public static TestRun Run(TestRequest request, KnowledgeBase knowledge)
    {
        var clock = Stopwatch.StartNew();
        var compiled = CompiledContent.Compile(request.Content, request.Detections);
        var datasets = new DatasetCache(knowledge, request.Clock);
        var results = new ConcurrentBag<(int Order, DetectionTestResult Result)>();
        Parallel.ForEach(compiled.Compilations.Select((c, i) => (c, i)), new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, item =>
        {
            var result = TestDetection(item.c, request, knowledge, datasets);
            results.Add((item.i, result));
            request.Progress?.Report(result);
        });

        return new TestRun([.. results.OrderBy(r => r.Order).Select(r => r.Result)], clock.Elapsed, request.Mode);
    }

    private static DetectionTestResult TestDetection(DetectionCompilation compilation, TestRequest request, KnowledgeBase knowledge, DatasetCache datasets)
    {
        var (detection, compiled, issue, _) = compilation;
        if (detection.Tests.Count == 0)
        {
            var reason = detection.Tags.ManualTest is { Length: > 0 } manual ? $"manual test: {manual}" : "the detection has no test";
            return new DetectionTestResult(detection, [new TestOutcome { TestName = "(none)", Status = TestStatus.Skip, Message = reason }], issue?.Reason);
        }

        var outcomes = new List<TestOutcome>();
        foreach (var test in detection.Tests)
        {
            var watch = Stopwatch.StartNew();
            var outcome = ManualTestSkip(detection, test) is { } manual ? manual
                : MissingData(test, request) is { } skipped ? skipped
                : compiled is null
                ? new TestOutcome { TestName = test.Name, TestType = TestType(test), Status = TestStatus.Error, Message = $"the search does not compile: {issue!.Reason}" }
                : RunTest(compiled, test, request, knowledge, datasets);
            outcomes.Add(outcome with { Duration = watch.Elapsed });
        }

        return new DetectionTestResult(detection, outcomes, issue?.Reason);
    }

    /// <summary>
    /// contentctl skips every test of a detection tagged <c>manual_test</c> (its detection builder does, with the
    /// tag's explanation), typically because the search needs something only a full deployment has (an Enterprise
    /// Security lookup, a live API). Ferret follows it so the two tools agree on which tests count.
    /// </summary>
    private static TestOutcome? ManualTestSkip(DetectionDefinition detection, DetectionTest test) =>
        detection.Tags.ManualTest is { Length: > 0 } explanation
            ? new TestOutcome
            {
                TestName = test.Name, TestType = TestType(test), Status = TestStatus.Skip, Datasets = [.. test.AttackData.Select(a => a.Data)],
                Message = $"the detection is marked manual_test: {explanation.Trim()}",
            }
            : null;

    /// <summary>The skipped outcome of a test whose attack data is not on disk (or not an attack_data URL), else null.</summary>
    private static TestOutcome? MissingData(DetectionTest test, TestRequest request)
    {
        var skipped = new TestOutcome
        {
            TestName = test.Name, TestType = TestType(test), Status = TestStatus.Skip, Message = string.Empty, Datasets = [.. test.AttackData.Select(a => a.Data)],
        };
        if (test.AttackData.Count == 0)
        {
            return skipped with { Message = "the test names no attack data" };
        }

        foreach (var data in test.AttackData)
        {
            var path = AttackDataLocator.LocalPath(data.Data, request.AttackDataRoot);
            if (path is null)
            {
                return skipped with { Message = $"attack data URL does not point into attack_data/master/: {data.Data}" };
            }

            if (!File.Exists(path))
            {
                return skipped with { Message = $"attack data not found: {path}" };
            }
        }

        return null;
    }

    /// <summary>
    /// The index a test's attack data is read into. A Correlation detection reads the Risk data model, whose constraint
    /// is <c>index=risk</c>; its tests' datasets are risk events exported from Enterprise Security with sourcetype
    /// <c>stash</c> (the summary-index format ES writes risk events in), so they go to <c>risk</c> as ES would have
    /// stored them. contentctl could not test these ("Detection type Correlation cannot be tested"); every other
    /// dataset goes to the default index, as contentctl's replay does.
    /// </summary>
    internal static string IndexFor(DetectionDefinition detection, AttackData data) =>
        detection.Type == DetectionTypes.Correlation && string.Equals(data.SourceType, "stash", StringComparison.OrdinalIgnoreCase)
            ? "risk"
            : FieldNames.DefaultIndex;

    private static TestOutcome RunTest(CompiledDetection compiled, DetectionTest test, TestRequest request, KnowledgeBase knowledge, DatasetCache datasets)
    {
        var urls = test.AttackData.Select(a => a.Data).ToList();
        var local = test.AttackData.Select(a => (Data: a, Path: AttackDataLocator.LocalPath(a.Data, request.AttackDataRoot))).ToList();
        var baseOutcome = new TestOutcome { TestName = test.Name, TestType = TestType(test), Status = TestStatus.Skip, Message = string.Empty, Datasets = urls };
        var events = new List<Event>();
        var problems = new List<InputProblem>();
        foreach (var (data, path) in local)
        {
            var dataset = datasets.Get(path!, data, IndexFor(compiled.Detection, data));
            events.AddRange(dataset.Events);
            problems.AddRange(dataset.Problems);
        }

        if (events.Count == 0)
        {
            var why = problems.Count > 0 ? $": {problems[0]}" : string.Empty;
            return baseOutcome with { Status = TestStatus.Error, Message = $"no event could be read from the attack data{why}" };
        }

        var runProblems = new ProblemCollector();
        var context = new SearchContext
        {
            Clock = request.Clock,
            Lookups = request.Lookups,
            GeoIp = request.GeoIp,
            Limits = request.Limits,
            DataModels = knowledge.DataModels,
            Problems = runProblems,
            Label = compiled.Detection.Name,
        };
        List<Event> rows;
        try
        {
            rows = [.. compiled.Search.Run(events, context)];
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            return baseOutcome with { Status = TestStatus.Error, EventsRead = events.Count, Message = RunFailure.Describe(error) };
        }

        var verdict = ResultValidator.Validate(compiled.Detection, rows);
        var window = new RunWindow(EpochTime.FromDateTimeOffset(request.Clock.GetUtcNow()), events.Min(e => e.Time), events.Max(e => e.Time));
        var notables = rows.Count(r => NotableBuilder.Build(compiled.Detection, r, window) is not null);
        var risks = rows.Sum(r => RiskEventBuilder.Build(compiled.Detection, r, window).Count);
        var notes = runProblems.Problems.Count > 0 ? $" ({runProblems.Problems.Count} run problem(s), first: {runProblems.Problems[0].Message})" : string.Empty;
        if (rows.Count == 0 && EmptyResultTrail.Describe(compiled, events, context) is { } trail)
        {
            notes += $"; {trail}";
        }

        return baseOutcome with
        {
            Status = verdict.Passed ? TestStatus.Pass : TestStatus.Fail,
            Message = verdict.Message + notes,
            ResultCount = rows.Count,
            Notables = notables,
            RiskEvents = risks,
            EventsRead = events.Count,
        };
    }

    private static string TestType(DetectionTest test) => string.IsNullOrEmpty(test.Type) ? "unit" : test.Type;
}
