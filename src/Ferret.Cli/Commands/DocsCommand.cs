using System.CommandLine;
using Ferret.Cli.Options;
using Ferret.Content;
using Ferret.Publishing.Docs;
using Ferret.Events;

namespace Ferret.Cli.Commands;

/// <summary>
/// <c>ferret docs --content DIR --output DIR [--format md|html|text] [--test-results FILE] [--include-deprecated]</c>:
/// one page per detection in the research-site layout, one per analytic story and ATT&amp;CK tactic, and an
/// index. Test results are Ferret's own (docs/test-results.md). Exit 0 when written, 2 on unusable input.
/// </summary>
internal static class DocsCommand
{
    public static Command Create()
    {
        var content = CommonOptions.Content("The content folder (detections/, macros/, stories/, data_sources/, ...).", required: true);
        var output = CommonOptions.Output("Where to write the pages.", required: true);
        var format = CommonOptions.Format("md (research-site Markdown), html or text.", "md", "md", "html", "text");
        var testResults = new Option<string?>("--test-results") { Description = "A `ferret test` results JSON file, for the Detection Testing tables." };
        var includeDeprecated = new Option<bool>("--include-deprecated") { Description = "Also write pages for deprecated detections." };
        var command = new Command("docs", "Write one page per detection in the research-site layout.")
        {
            content, output, format, testResults, includeDeprecated,
        };
        command.SetAction(parseResult => Run(
            parseResult.GetValue(content)!,
            parseResult.GetValue(output)!,
            parseResult.GetValue(format)!,
            parseResult.GetValue(testResults),
            parseResult.GetValue(includeDeprecated)));
        return command;
    }

    private static int Run(string contentDirectory, string outputDirectory, string format, string? testResultsFile, bool includeDeprecated)
    {
        var problems = new ProblemCollector();
        try
        {
            var results = testResultsFile is null ? null : TestResultsFile.Load(testResultsFile);
            var repository = ContentRepository.Load(contentDirectory, problems);
            var written = DocsGenerator.Generate(repository, new DocsOptions(outputDirectory, format, results, includeDeprecated));
            ContentCommandProblems.Print(problems);
            Console.WriteLine($"docs: {outputDirectory} ({format})");
            Console.WriteLine($"  detection pages: {written.DetectionPages}");
            Console.WriteLine($"  story pages:     {written.StoryPages}");
            Console.WriteLine($"  tactic pages:    {written.TacticPages}");
            Console.WriteLine($"  test results:    {(results is null ? "none given" : $"{results.Detections.Count} detection(s) from {testResultsFile}")}");
            return 0;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            ContentCommandProblems.Print(problems);
            Console.Error.WriteLine($"ferret docs: {error.Message}");
            return 2;
        }
    }
}
