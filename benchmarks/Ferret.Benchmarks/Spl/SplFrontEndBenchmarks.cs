using BenchmarkDotNet.Attributes;
using Ferret.Content;
using Ferret.Content.Validation;
using Ferret.Events;
using Ferret.Spl;
using Ferret.Spl.Macros;

namespace Ferret.Benchmarks.Spl;

/// <summary>
/// Macro expansion and parsing of every ESCU detection search (the work <c>ferret validate</c> and every compile do),
/// one operation = the whole corpus. The corpus is read from FERRET_SHARED (or ../shared from the working directory).
/// Run: <c>dotnet run -c Release --project benchmarks/Ferret.Benchmarks -- --filter *SplFrontEnd*</c>.
/// </summary>
[MemoryDiagnoser]
public class SplFrontEndBenchmarks
{
    private string[] searches = [];
    private string[] expanded = [];
    private MacroTable macros = new();

    [GlobalSetup]
    public void LoadCorpus()
    {
        var repository = ContentRepository.Load(EscuFolder(), new ProblemCollector());
        macros = repository.Macros;
        searches = [.. repository.Detections.Select(d => d.Search)];
        expanded = [.. searches.Select(s => MacroExpander.Expand(s, macros).Text)];
    }

    [Benchmark(Description = "expand + parse, whole corpus")]
    public int ExpandAndParse()
    {
        var commands = 0;
        foreach (var search in searches)
        {
            commands += SplParser.Parse(MacroExpander.Expand(search, macros).Text).Pipeline.Commands.Count;
        }

        return commands;
    }

    [Benchmark(Description = "expand only, whole corpus")]
    public int Expand()
    {
        var length = 0;
        foreach (var search in searches)
        {
            length += MacroExpander.Expand(search, macros).Text.Length;
        }

        return length;
    }

    [Benchmark(Description = "parse only (pre-expanded), whole corpus")]
    public int Parse()
    {
        var commands = 0;
        foreach (var text in expanded)
        {
            commands += SplParser.Parse(text).Pipeline.Commands.Count;
        }

        return commands;
    }

    private static string EscuFolder()
    {
        var shared = Environment.GetEnvironmentVariable("FERRET_SHARED") is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : Path.Combine(Environment.CurrentDirectory, "..", "shared");
        var escu = Path.GetFullPath(Path.Combine(shared, "escu"));
        return Directory.Exists(escu)
            ? escu
            : throw new DirectoryNotFoundException($"ESCU corpus not found at {escu} (set FERRET_SHARED to the folder holding escu/)");
    }
}
