namespace Ferret.Testing;

/// <summary>
/// Finds the shared corpora (ESCU content, real logs) beside the repository: <c>FERRET_SHARED</c>, or
/// <c>../shared</c> relative to the repository root. Tests that need them call <see cref="Require"/>,
/// which skips the test with a clear message on a clone that does not have them.
/// </summary>
internal static class SharedCorpus
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string Root =>
        Environment.GetEnvironmentVariable("FERRET_SHARED") is { Length: > 0 } fromEnvironment
            ? Path.GetFullPath(fromEnvironment)
            : Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));

    /// <summary>The absolute path of <paramref name="relative"/> under the shared folder; skips the test when absent.</summary>
    public static string Require(string relative)
    {
        var path = Path.Combine(Root, relative);
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            Assert.Skip($"shared corpus not found: {path} (set FERRET_SHARED to the folder holding escu/ and data/)");
        }

        return path;
    }

    /// <summary>The build writes the repository root into each test assembly (tests/Directory.Build.props),
    /// because test binaries may live outside the tree (FERRET_ARTIFACTS).</summary>
    private static string FindRepositoryRoot()
    {
        var root = typeof(SharedCorpus).Assembly
            .GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .OfType<System.Reflection.AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "FerretRepositoryRoot")?.Value;
        return root is not null
            ? Path.GetFullPath(root)
            : throw new InvalidOperationException("FerretRepositoryRoot metadata missing from the test assembly");
    }
}
