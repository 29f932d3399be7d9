using System.Diagnostics;
using Ferret.Content;
using Ferret.Detection.Hunting;
using Ferret.Spl.Macros;

namespace Ferret.Detection.Testing;

/// <summary>
/// Changed-only testing: the detections whose own file changed since a git ref, or that use a macro or a
/// lookup whose file changed (macro use from the expansion of the search; lookup use from the lookup name
/// appearing in the expanded search).
/// </summary>
public static class ChangedDetections
{
    public static IReadOnlyList<DetectionDefinition> Since(ContentRepository content, IReadOnlyList<DetectionDefinition> detections, string gitRef)
    {
        var changed = ChangedFiles(content.Root, gitRef);
        var changedMacros = content.MacroDefinitions.Where(m => changed.Contains(Path.GetFullPath(m.FilePath))).Select(m => m.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var changedLookups = content.Lookups.Values
            .Where(l => changed.Contains(Path.GetFullPath(l.FilePath)) || (l.FullPath is { } csv && changed.Contains(Path.GetFullPath(csv))))
            .Select(l => l.Name)
            .ToList();
        var macros = content.Macros;
        return [.. detections.Where(d =>
        {
            if (changed.Contains(Path.GetFullPath(d.FilePath)))
            {
                return true;
            }

            var expansion = MacroExpander.Expand(d.Search, macros);
            return expansion.UsedMacros.Any(changedMacros.Contains)
                || changedLookups.Any(l => expansion.Text.Contains(l, StringComparison.OrdinalIgnoreCase));
        })];
    }

    /// <summary>Absolute paths of the files changed between <paramref name="gitRef"/> and the work tree, untracked ones included.</summary>
    private static HashSet<string> ChangedFiles(string directory, string gitRef)
    {
        var top = Git(directory, "rev-parse", "--show-toplevel").Trim();
        var files = Git(directory, "diff", "--name-only", gitRef, "--", ".")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Concat(Git(directory, "ls-files", "--others", "--exclude-standard", "--full-name", ".").Split('\n', StringSplitOptions.RemoveEmptyEntries))
            .Select(f => Path.GetFullPath(Path.Combine(top, f.Trim())));
        return new HashSet<string>(files, StringComparer.Ordinal);
    }

    private static string Git(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = directory };
        start.ArgumentList.Add("-C");
        start.ArgumentList.Add(directory);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start git");
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0
            ? output
            : throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed in {directory}: {error.Trim()}");
    }
}
