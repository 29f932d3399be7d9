using System.Diagnostics;
using Ferret.Content;
using Ferret.Events;
using Ferret.Spl.Macros;
using Ferret.Testing;

using Ferret.Ingest.Tests.Hostile;

namespace Ferret.Fuzz;

/// <summary>
/// A time-bounded fuzzing campaign over the shared seeds (EVTX files, ESCU searches) plus the generated hostile
/// files: mutants are made from a seed that changes each run (printed, and settable with FERRET_FUZZ_SEED to replay),
/// for FERRET_FUZZ_SECONDS in all (60 by default, half for files and half for searches). A mutant that throws or
/// does not end is written out as a reproducer, to be added under Corpus/.
/// </summary>
[Trait("Category", "Corpus")]
public sealed class FuzzCampaignTests(ITestOutputHelper output)
{
    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("FERRET_FUZZ_SEED"), out var fixedSeed) ? fixedSeed : Environment.TickCount;

    private static TimeSpan HalfBudget => TimeSpan.FromSeconds((int.TryParse(Environment.GetEnvironmentVariable("FERRET_FUZZ_SECONDS"), out var seconds) ? seconds : 60) / 2.0);

    private static readonly string FoundFolder = Path.Combine(Path.GetTempPath(), "ferret-fuzz-found");

    [Fact]
    public void Mutated_evtx_files_are_read_without_an_escaping_exception_or_a_hang()
    {
        var seeds = Directory.GetFiles(SharedCorpus.Require("data/evtx-attack-samples"), "*.evtx", SearchOption.AllDirectories)
            .Where(f => new FileInfo(f).Length <= 256 * 1024).Order(StringComparer.Ordinal).Take(40)
            .Select(File.ReadAllBytes).Append(HostileEvtx.NestedTemplates()).Append(HostileEvtx.LoweredFreeSpace()).ToList();
        var mutator = new Mutator(Seed);
        var scratch = Path.Combine(Path.GetTempPath(), $"ferret-fuzz-{Guid.NewGuid():N}.evtx");
        var clock = Stopwatch.StartNew();
        var cases = 0;
        try
        {
            while (clock.Elapsed < HalfBudget)
            {
                var mutant = mutator.Mutate(seeds[cases % seeds.Count], keepPrefix: 8);
                File.WriteAllBytes(scratch, mutant);
                if (FuzzOracle.ReadInput(scratch) is { } failure)
                {
                    Assert.Fail($"seed {Seed}, case {cases}: {failure}\nreproducer: {Keep(mutant, ".evtx")}");
                }

                cases++;
            }
        }
        finally
        {
            File.Delete(scratch);
        }

        output.WriteLine($"seed {Seed}: {cases} mutated EVTX files read in {clock.Elapsed.TotalSeconds:0} s");
        Assert.True(cases > 0);
    }

    [Fact]
    public void Mutated_escu_searches_compile_without_an_escaping_exception_or_a_hang()
    {
        var content = ContentRepository.Load(SharedCorpus.Require("escu"), new ProblemCollector());
        var seeds = content.Detections.Select(d => d.Search).Where(s => !string.IsNullOrWhiteSpace(s)).ToList();
        var macros = content.Macros;
        var mutator = new Mutator(Seed);
        var clock = Stopwatch.StartNew();
        var cases = 0;
        while (clock.Elapsed < HalfBudget)
        {
            var mutant = mutator.Mutate(seeds[cases % seeds.Count]);
            if (FuzzOracle.CompileSearch(mutant, macros, run: false) is { } failure)
            {
                Assert.Fail($"seed {Seed}, case {cases}: {failure}\nreproducer: {Keep(System.Text.Encoding.UTF8.GetBytes(mutant), ".spl")}");
            }

            cases++;
        }

        output.WriteLine($"seed {Seed}: {cases} mutated ESCU searches compiled in {clock.Elapsed.TotalSeconds:0} s");
        Assert.True(cases > 0);
    }

    private static string Keep(byte[] bytes, string extension)
    {
        Directory.CreateDirectory(FoundFolder);
        var path = Path.Combine(FoundFolder, $"{Seed}-{Guid.NewGuid():N}{extension}");
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
