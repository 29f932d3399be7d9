using System.Globalization;
using Ferret.Conformance.SpecFormat;
using Ferret.Engine;
using Ferret.Events;
using Ferret.Spl.Diagnostics;

namespace Ferret.Conformance.Running;

/// <summary>
/// Runs one spec case through the engine's public API (<see cref="SearchEngine.Compile"/> then
/// <see cref="CompiledSearch.Run"/>) and compares what comes out with what the case expects.
/// </summary>
internal static class CaseRunner
{
    /// <summary>Null when the case passes; otherwise a report naming the case, its query, the expected and the actual result.</summary>
    public static string? Run(SpecCase specCase)
    {
        var compiled = SearchEngine.Compile(specCase.Query);
        return specCase.Expectation switch
        {
            ExpectedError error => CheckError(specCase, compiled, error),
            ExpectedTable table => compiled.HasErrors
                ? Report(specCase, "the query did not compile", table, actual: null, compiled.Diagnostics, problems: [])
                : RunAndCompare(specCase, compiled, table),
            _ => throw new InvalidOperationException($"unknown expectation {specCase.Expectation.GetType().Name}"),
        };
    }

    private static string? CheckError(SpecCase specCase, CompiledSearch compiled, ExpectedError expected)
    {
        var found = compiled.Diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error && d.Code == expected.Code);
        var wanted = expected.Line is { } l ? $"error {expected.Code} at {l}:{expected.Column}" : $"error {expected.Code}";
        if (found is null)
        {
            return Report(specCase, $"expected {wanted}", expected: null, actual: null, compiled.Diagnostics, problems: []);
        }

        if (expected.Line is { } line)
        {
            var (actualLine, actualColumn) = Position(specCase.Query, found.Span.Start);
            if (actualLine != line || actualColumn != expected.Column)
            {
                return Report(specCase, $"expected {wanted}, the diagnostic starts at {actualLine}:{actualColumn}", null, null, compiled.Diagnostics, []);
            }
        }

        return null;
    }

    private static string? RunAndCompare(SpecCase specCase, CompiledSearch compiled, ExpectedTable expected)
    {
        var problems = new ProblemCollector();
        var outputFolder = Directory.CreateTempSubdirectory("ferret-conformance-");
        try
        {
            var context = new SearchContext
            {
                Clock = specCase.Now is { } now
                    ? new FixedClock(DateTimeOffset.Parse(now, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal))
                    : TimeProvider.System,
                Lookups = new LookupFolderResolver(SpecCatalog.LookupRoot),
                DataModels = Knowledge.KnowledgeBase.LoadDefault().DataModels,
                OutputLookupDirectory = outputFolder.FullName,
                Problems = problems,
                Label = specCase.Id,
            };
            var events = specCase.Events.Select(e => EventJson.ToEvent(e.Text)).ToList();
            List<Event> results;
            try
            {
                results = compiled.Run(events, context).ToList();
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                return Report(specCase, $"the run threw {exception.GetType().Name}: {exception.Message}\n{exception.StackTrace}", expected, null, compiled.Diagnostics, problems.Problems);
            }

            var mismatch = ResultTable.Compare(expected, results, specCase.Ordering, specCase.ExactColumns);
            return mismatch is null
                ? null
                : Report(specCase, mismatch, expected, ResultTable.Format(expected.Columns, results), compiled.Diagnostics, problems.Problems);
        }
        finally
        {
            outputFolder.Delete(recursive: true);
        }
    }

    /// <summary>1-based line and column of an offset in the query text.</summary>
    private static (int Line, int Column) Position(string text, int offset)
    {
        var line = 1;
        var column = 1;
        for (var i = 0; i < Math.Min(offset, text.Length); i++)
        {
            if (text[i] == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        return (line, column);
    }

    private static string Report(
        SpecCase specCase,
        string what,
        ExpectedTable? expected,
        IReadOnlyList<string>? actual,
        IReadOnlyList<Diagnostic> diagnostics,
        IReadOnlyList<InputProblem> problems)
    {
        var lines = new List<string>
        {
            $"{specCase.File}:{specCase.Line}: case '{specCase.Name}': {what}",
            $"cite: {specCase.Cite}",
            "query:",
        };
        lines.AddRange(specCase.Query.Split('\n').Select(q => "  " + q));
        if (expected is not null)
        {
            lines.Add("expected:");
            lines.AddRange(ResultTable.Format(expected).Select(r => "  " + r));
        }

        if (actual is not null)
        {
            lines.Add("actual:");
            lines.AddRange(actual.Select(r => "  " + r));
        }

        if (diagnostics.Count > 0)
        {
            lines.Add("diagnostics:");
            lines.AddRange(diagnostics.Select(d =>
            {
                var (line, column) = Position(specCase.Query, d.Span.Start);
                return $"  {d.Severity} {d.Code} at {line}:{column}: {d.Message}";
            }));
        }

        if (problems.Count > 0)
        {
            lines.Add("problems reported during the run:");
            lines.AddRange(problems.Select(p => "  " + p));
        }

        return string.Join('\n', lines);
    }
}
