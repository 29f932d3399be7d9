using Ferret.Testing;

namespace Ferret.Detection.Tests.Golden;

/// <summary>
/// Compares output with a file under <c>tests/Ferret.Detection.Tests/Golden/</c>. Set
/// <c>FERRET_UPDATE_GOLDEN=1</c> to rewrite the files from the current output (then review the diff).
/// </summary>
internal static class GoldenFile
{
    public static void AssertMatches(string name, string actual)
    {
        var path = Path.Combine(SharedCorpus.RepositoryRoot, "tests", "Ferret.Detection.Tests", "Golden", name);
        var normalized = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (Environment.GetEnvironmentVariable("FERRET_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, normalized);
            return;
        }

        Assert.True(File.Exists(path), $"golden file missing: {path} (run with FERRET_UPDATE_GOLDEN=1 to create it)");
        Assert.Equal(File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal), normalized);
    }
}
