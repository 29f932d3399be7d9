using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Ferret.Engine;
using Ferret.Events;

namespace Ferret.Benchmarks.Engine;

/// <summary>
/// The typical ESCU search shape over synthetic process events, generated on the fly so memory reflects the engine,
/// not the input: a filter, <c>stats count min(_time) max(_time) by</c> four fields, <c>rename</c>, <c>convert ctime</c>.
/// Run: <c>dotnet run -c Release --project benchmarks/Ferret.Benchmarks -- --filter *EscuShape*</c>. Events per second is
/// <see cref="EventCount"/> divided by the mean; the peak working set is printed at cleanup.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(WholeRunConfig))]
public class EscuShapeBenchmark
{
    /// <summary>One process, one warm-up, three measured runs: a run over a million events takes seconds.</summary>
    private sealed class WholeRunConfig : ManualConfig
    {
        public WholeRunConfig() =>
            AddJob(Job.Default.WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(10), logOutput: false))
                .WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(3));
    }

    public const string Search =
        "search EventCode=4688 process_name IN (\"cmd.exe\", \"powershell.exe\", \"wmic.exe\", \"rundll32.exe\") "
        + "| stats count min(_time) as firstTime max(_time) as lastTime by dest user parent_process_name process_name "
        + "| rename dest as host | convert ctime(firstTime) ctime(lastTime)";

    private static readonly string[] Processes = ["cmd.exe", "powershell.exe", "wmic.exe", "rundll32.exe", "svchost.exe", "explorer.exe", "chrome.exe", "notepad.exe"];

    private CompiledSearch _compiled = null!;

    [Params(1_000_000)]
    public int EventCount { get; set; }

    [GlobalSetup]
    public void Setup() => _compiled = SearchEngine.Compile(Search);

    [Benchmark]
    public int EscuShape() => _compiled.Run(Generate(EventCount), new SearchContext()).Count();

    [GlobalCleanup]
    public void Cleanup() =>
        Console.WriteLine($"// EscuShape over {EventCount} events: peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MiB");

    /// <summary>Deterministic events: 2 event codes, 50 hosts, 200 users, 8 processes, one event per second.</summary>
    public static IEnumerable<Event> Generate(int count)
    {
        var start = 1_715_000_000.0;
        for (var i = 0; i < count; i++)
        {
            var e = new Event(10);
            e.Time = start + i;
            e.Set("EventCode", (i % 3 == 0 ? "4624" : "4688"));
            e.Set("dest", "host-" + (i % 50).ToString(CultureInfo.InvariantCulture));
            e.Set("user", "user-" + (i * 7 % 200).ToString(CultureInfo.InvariantCulture));
            e.Set("process_name", Processes[i % Processes.Length]);
            e.Set("parent_process_name", Processes[(i / 8) % Processes.Length]);
            e.Set("sourcetype", "XmlWinEventLog");
            e.Raw = "<Event><System><EventID>4688</EventID></System></Event>";
            yield return e;
        }
    }
}
