using Ferret.Conformance.SpecFormat;
using Ferret.Testing;

namespace Ferret.Conformance;

/// <summary>
/// Every case of every <c>.spltest</c> file under <c>tests/Ferret.Conformance/spl</c>, read from the source tree
/// (not a copy in the output folder, so an edited file is seen without a rebuild).
/// </summary>
internal static class SpecCatalog
{
    private static readonly Lazy<Loaded> Everything = new(Load);

    public static string ConformanceRoot => Path.Combine(SharedCorpus.RepositoryRoot, "tests", "Ferret.Conformance");

    public static string SpecRoot => Path.Combine(ConformanceRoot, "spl");

    public static string LookupRoot => Path.Combine(ConformanceRoot, "lookups");

    public static IReadOnlyList<SpecCase> Cases => Everything.Value.Cases;

    public static IReadOnlyList<string> Problems => Everything.Value.Problems;

    public static SpecCase Find(string id) =>
        Cases.FirstOrDefault(c => c.Id == id) ?? throw new InvalidOperationException($"no spec case '{id}' (was the file edited during the run?)");

    private static Loaded Load()
    {
        var cases = new List<SpecCase>();
        var problems = new List<string>();
        if (!Directory.Exists(SpecRoot))
        {
            problems.Add($"spec folder not found: {SpecRoot}");
            return new Loaded(cases, problems);
        }

        foreach (var path in Directory.EnumerateFiles(SpecRoot, "*.spltest", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(SpecRoot, path).Replace('\\', '/');
            var result = SpecFileReader.Read(relative, File.ReadAllText(path));
            cases.AddRange(result.Cases);
            problems.AddRange(result.Problems);
        }

        return new Loaded(cases, problems);
    }

    private sealed record Loaded(IReadOnlyList<SpecCase> Cases, IReadOnlyList<string> Problems);
}
