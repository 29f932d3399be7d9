namespace Ferret.Cli.Tests;

/// <summary>Compares CLI output with a file under tests/Ferret.Cli.Tests/Golden/; FERRET_UPDATE_GOLDEN=1 rewrites it.</summary>
internal static class GoldenFile
{
    public static void AssertMatches(string name, string actual)
    {
        var path = Path.Combine(Ferret.Testing.SharedCorpus.RepositoryRoot, "tests", "Ferret.Cli.Tests", "Golden", name);
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
