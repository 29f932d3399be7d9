using Ferret.Events;

namespace Ferret.Cli.Commands;

/// <summary>Prints the problems a content command met to stderr, then how many were errors and warnings.</summary>
internal static class ContentCommandProblems
{
    public static void Print(ProblemCollector problems)
    {
        var list = problems.Problems;
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
