namespace Ferret.Testing;

/// <summary>
/// Where a test's screenshot of a page goes: <c>docs/NAME</c> when <c>FERRET_UPDATE_DOCS=1</c> (to review and commit,
/// as the docs' other generated files), otherwise a temporary file, so an ordinary test run never rewrites tracked
/// files. The caller hands the path back to <see cref="Release"/> when it is done.
/// </summary>
internal static class DocsScreenshot
{
    private static bool UpdatesDocs => Environment.GetEnvironmentVariable("FERRET_UPDATE_DOCS") == "1";

    public static string PathFor(string name) => UpdatesDocs
        ? Path.Combine(SharedCorpus.RepositoryRoot, "docs", name)
        : Path.Combine(Path.GetTempPath(), $"ferret-{Guid.NewGuid():N}-{name}");

    /// <summary>Deletes a temporary screenshot; one written into docs/ stays.</summary>
    public static void Release(string path)
    {
        if (!UpdatesDocs)
        {
            File.Delete(path);
        }
    }
}
