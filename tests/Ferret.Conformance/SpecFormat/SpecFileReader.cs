using System.Globalization;
using System.Text.RegularExpressions;

namespace Ferret.Conformance.SpecFormat;

/// <summary>
/// Reads a <c>.spltest</c> file (format in README.md). Never throws on a malformed file: each problem is reported
/// with its file and line, and the cases that are well formed are still returned.
/// </summary>
internal static partial class SpecFileReader
{
    private const string CiteMarker = "# cite:";

    public static SpecFileReadResult Read(string displayName, string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var cases = new List<SpecCase>();
        var problems = new List<string>();
        string? fileCite = null;
        var index = 0;

        while (index < lines.Length && !IsCaseStart(lines[index]))
        {
            if (lines[index].StartsWith(CiteMarker, StringComparison.Ordinal))
            {
                fileCite = lines[index][CiteMarker.Length..].Trim();
            }
            else if (lines[index].Trim() is { Length: > 0 } stray && !stray.StartsWith('#'))
            {
                problems.Add($"{displayName}:{index + 1}: text before the first 'case:' line: {stray}");
            }

            index++;
        }

        while (index < lines.Length)
        {
            var start = index;
            index++;
            while (index < lines.Length && !IsCaseStart(lines[index]))
            {
                index++;
            }

            var block = new CaseBlock(displayName, lines, start, index, fileCite);
            if (block.TryBuild(problems) is { } built)
            {
                cases.Add(built);
            }
        }

        foreach (var duplicate in cases.GroupBy(c => c.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add($"{displayName}:{duplicate.Last().Line}: duplicate case name '{duplicate.Key}'");
        }

        if (cases.Count == 0 && problems.Count == 0)
        {
            problems.Add($"{displayName}:1: no 'case:' in file");
        }

        return new SpecFileReadResult(cases, problems);
    }

    private static bool IsCaseStart(string line) => line.StartsWith("case:", StringComparison.Ordinal);

    [GeneratedRegex(@"^error\s+(?<code>SPL\d{4})(\s+at\s+(?<line>\d+):(?<column>\d+))?\s*$")]
    private static partial Regex ErrorLine();
}

internal sealed record SpecFileReadResult(IReadOnlyList<SpecCase> Cases, IReadOnlyList<string> Problems);
