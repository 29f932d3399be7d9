using Ferret.Content;
using Ferret.Events;
using Ferret.Testing;

namespace Ferret.Publishing.Tests;

/// <summary>Fixtures of the publishing tests: the small content folder of Ferret.Content.Tests, the ESCU snapshot,
/// and the files under this folder (read from the source tree, like the golden files).</summary>
internal static class PublishingFixtures
{
    public static string Folder => Path.Combine(SharedCorpus.RepositoryRoot, "tests", "Ferret.Publishing.Tests");

    public static string SmallContentFolder =>
        Path.Combine(SharedCorpus.RepositoryRoot, "tests", "Ferret.Content.Tests", "Fixtures", "content");

    private static readonly Lazy<ContentRepository> Escu = new(() =>
    {
        var problems = new ProblemCollector();
        var repository = ContentRepository.Load(SharedCorpus.Require("escu"), problems);
        return repository;
    });

    public static ContentRepository SmallContent() => ContentRepository.Load(SmallContentFolder, new ProblemCollector());

    /// <summary>The ESCU snapshot, loaded once; skips the test where the shared corpus is absent.</summary>
    public static ContentRepository EscuContent()
    {
        SharedCorpus.Require("escu");
        return Escu.Value;
    }

    public static string Read(string relative) => File.ReadAllText(Path.Combine(Folder, relative));

    /// <summary>Compares with <c>tests/Ferret.Publishing.Tests/Golden/NAME</c> (see <see cref="GoldenFile"/>).</summary>
    public static void AssertGolden(string name, string actual) =>
        GoldenFile.AssertMatches("tests/Ferret.Publishing.Tests/Golden", name, actual);
}
