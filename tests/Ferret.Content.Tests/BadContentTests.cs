using Ferret.Events;

namespace Ferret.Content.Tests;

public sealed class BadContentTests
{
    [Fact]
    public void Invalid_yaml_is_reported_with_file_and_line_and_the_rest_loads()
    {
        var (repository, problems) = Fixture.Load();

        var problem = Assert.Single(problems.Problems, p => p.File.EndsWith("broken_detection.yml", StringComparison.Ordinal));
        Assert.Matches(@"^line \d+, column \d+$", problem.Location);
        Assert.StartsWith("invalid YAML", problem.Message, StringComparison.Ordinal);
        Assert.Equal(4, repository.Detections.Count);
    }

    [Fact]
    public void A_detection_without_a_search_is_reported_by_name()
    {
        var (_, problems) = Fixture.Load();

        var problem = Assert.Single(problems.Problems, p => p.File.EndsWith("no_search_detection.yml", StringComparison.Ordinal));
        Assert.Contains("'Fixture Without Search' has no search", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_content_folder_reports_each_missing_part()
    {
        var empty = Directory.CreateTempSubdirectory("ferret-content-");
        try
        {
            var problems = new ProblemCollector();
            var repository = ContentRepository.Load(empty.FullName, problems);

            Assert.Empty(repository.Detections);
            Assert.Equal(5, problems.Problems.Count(p => p.Severity == ProblemSeverity.Warning && p.Message.Contains("missing", StringComparison.Ordinal)));
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_content_folder_that_does_not_exist_is_an_error_naming_it()
    {
        var error = Assert.Throws<DirectoryNotFoundException>(() => ContentRepository.Load("/nonexistent/ferret-content", new ProblemCollector()));

        Assert.Contains("/nonexistent/ferret-content", error.Message, StringComparison.Ordinal);
    }
}
