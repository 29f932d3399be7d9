using Ferret.Events;

namespace Ferret.Cli.Commands;

/// <summary>Prints the problems a content command met to stderr, then how many were errors and warnings.</summary>
internal static class ContentCommandProblems
{
    public static void Print(ProblemCollector problems)
    {
        // Detections load in parallel: sort so the same content always prints the same report.
        var list = problems.Problems.OrderBy(p => p.File, StringComparer.Ordinal).ThenBy(p => p.Location, StringComparer.Ordinal).ToList();
        foreach (var problem in list)
        {
            Console.Error.WriteLine(problem.ToString());
        }

        if (list.Count > 0)
        {
            Console.Error.WriteLine($"{list.Count(p => p.Severity == ProblemSeverity.Error)} error(s), {list.Count(p => p.Severity == ProblemSeverity.Warning)} warning(s) in the content; the rest was used");
        }
    }
}
