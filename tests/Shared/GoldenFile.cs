namespace Ferret.Testing;

/// <summary>
/// Compares output with a golden file in the repository. <c>FERRET_UPDATE_GOLDEN=1</c> rewrites the file from the
/// current output instead (then review the diff before committing). Line endings are compared as <c>\n</c>.
/// </summary>
internal static class GoldenFile
{
    /// <param name="folder">The golden file's folder, relative to the repository root (e.g. <c>tests/Ferret.Cli.Tests/Golden</c>).</param>
    /// <param name="name">The file's name in that folder.</param>
    /// <param name="actual">The output to compare.</param>
    public static void AssertMatches(string folder, string name, string actual)
    {
        var path = Path.Combine(SharedCorpus.RepositoryRoot, folder, name);
        var normalized = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (Environment.GetEnvironmentVariable("FERRET_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, normalized);
            return;
        }

        Assert.True(File.Exists(path), $"golden file missing: {path} (run with FERRET_UPDATE_GOLDEN=1 to create it, then review it)");
        Assert.Equal(File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal), normalized);
    }
}
