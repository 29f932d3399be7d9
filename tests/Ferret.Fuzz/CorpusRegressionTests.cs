using Ferret.Spl.Macros;

using Ferret.Ingest.Tests.Hostile;

namespace Ferret.Fuzz;

/// <summary>Every reproducer the fuzzing (and the hostile-input issue) found stays a regression test: each ends in time
/// without an exception escaping. Searches under Corpus/ are compiled and run; other files are read as inputs.</summary>
public sealed class CorpusRegressionTests
{
    private static string CorpusFolder => Path.Combine(AppContext.BaseDirectory, "Corpus");

    public static TheoryData<string> Searches() => [.. Names().Where(IsSearch)];

    public static TheoryData<string> Inputs() => [.. Names().Where(n => !IsSearch(n))];

    private static IEnumerable<string> Names() =>
        Directory.GetFiles(CorpusFolder).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal);

    private static bool IsSearch(string name) => name.EndsWith(".spl", StringComparison.Ordinal);

    [Theory]
    [MemberData(nameof(Searches))]
    public void A_reproducer_search_compiles_and_runs_to_its_end(string name)
    {
        var spl = File.ReadAllText(Path.Combine(CorpusFolder, name));

        Assert.Null(FuzzOracle.CompileSearch(spl, MacroTable.WithBuiltIns(), run: true));
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void A_reproducer_input_is_read_to_its_end(string name)
    {
        Assert.Null(FuzzOracle.ReadInput(Path.Combine(CorpusFolder, name)));
    }

    [Fact]
    public void Generated_hostile_evtx_files_are_read_to_their_end()
    {
        var directory = Directory.CreateTempSubdirectory("ferret-fuzz-");
        try
        {
            foreach (var (name, bytes) in new[] { ("nested.evtx", HostileEvtx.NestedTemplates()), ("lowered.evtx", HostileEvtx.LoweredFreeSpace()) })
            {
                var path = Path.Combine(directory.FullName, name);
                File.WriteAllBytes(path, bytes);
                Assert.Null(FuzzOracle.ReadInput(path));
            }
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
