using System.CommandLine;
using Ferret.Engine.Limits;
using Ferret.Events;

namespace Ferret.Cli.Options;

/// <summary>
/// <c>--limits FILE</c>, shared by search and hunt: a limits.conf file whose settings override Splunk's defaults
/// (docs/limits.md). Settings Ferret does not use, and values it cannot read, are reported and ignored.
/// </summary>
internal static class LimitsOption
{
    public static Option<string?> Create() => new("--limits")
    {
        Description = "A limits.conf file ([subsearch] maxout, [default] max_mem_usage_mb, [ferret] max_string_length, ...) overriding the default limits (docs/limits.md).",
    };

    /// <summary>Reads the file (the defaults without one) and runs <paramref name="run"/> with the limits; a file that
    /// cannot be read stops the command with exit code 2.</summary>
    public static int Run(string command, string? path, Func<SearchLimits, int> run)
    {
        if (path is null)
        {
            return run(SearchLimits.Default);
        }

        var problems = new ProblemCollector();
        SearchLimits limits;
        try
        {
            limits = LimitsFile.Load(path, problems);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"ferret {command}: cannot read --limits {path}: {error.Message}");
            return 2;
        }

        foreach (var problem in problems.Problems)
        {
            Console.Error.WriteLine($"ferret {command}: {problem}");
        }

        return run(limits);
    }
}
