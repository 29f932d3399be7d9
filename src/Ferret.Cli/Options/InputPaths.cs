namespace Ferret.Cli.Options;

/// <summary>
/// The inputs a command was given, checked before any work: a path that does not exist is a usage error (exit 2),
/// not an empty result. <c>-</c> is standard input, saved to a temporary file named <c>stdin</c> first because the
/// readers sniff a file's format from its first bytes and EVTX needs to seek.
/// </summary>
internal sealed class InputPaths : IDisposable
{
    public const string StandardInput = "-";

    private readonly string? _temporaryFolder;

    private InputPaths(IReadOnlyList<string> paths, string? temporaryFolder)
    {
        Paths = paths;
        _temporaryFolder = temporaryFolder;
    }

    public IReadOnlyList<string> Paths { get; }

    /// <summary>The checked inputs, or null after printing what is missing as <c>ferret COMMAND: ...</c>.</summary>
    public static InputPaths? Resolve(string command, IReadOnlyList<string> given)
    {
        var missing = given.Where(p => p != StandardInput && !File.Exists(p) && !Directory.Exists(p)).ToList();
        foreach (var path in missing)
        {
            Console.Error.WriteLine($"ferret {command}: input not found: {path}");
        }

        if (missing.Count > 0)
        {
            return null;
        }

        if (!given.Contains(StandardInput))
        {
            return new InputPaths(given, null);
        }

        var folder = Directory.CreateTempSubdirectory("ferret-stdin-").FullName;
        var saved = Path.Combine(folder, "stdin");
        using (var input = Console.OpenStandardInput())
        using (var file = File.Create(saved))
        {
            input.CopyTo(file);
        }

        return new InputPaths([.. given.Select(p => p == StandardInput ? saved : p)], folder);
    }

    public void Dispose()
    {
        if (_temporaryFolder is not null)
        {
            Directory.Delete(_temporaryFolder, recursive: true);
        }
    }
}
