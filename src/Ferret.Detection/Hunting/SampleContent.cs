namespace Ferret.Detection.Hunting;

/// <summary>
/// The sample shipped inside Ferret (the repository's <c>samples/</c> folder, embedded at build time): a few
/// detections in ESCU's format with their macros and story, and small logs with positives and negatives.
/// <c>ferret hunt</c> with no arguments runs it, so a fresh install shows a hunt end to end.
/// </summary>
public sealed class SampleContent : IDisposable
{
    private const string Prefix = "Ferret.Samples/";

    private SampleContent(string root)
    {
        Root = root;
    }

    /// <summary>The folder the sample was written to (deleted on dispose).</summary>
    public string Root { get; }

    public string ContentDirectory => Root;

    public string LogsDirectory => Path.Combine(Root, "logs");

    /// <summary>Writes the embedded sample to a new temporary folder.</summary>
    public static SampleContent Extract()
    {
        var root = Path.Combine(Path.GetTempPath(), $"ferret-sample-{Guid.NewGuid():N}");
        var assembly = typeof(SampleContent).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            var relative = name[Prefix.Length..].Replace('\\', '/');
            var path = Path.Combine(root, relative.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using var source = assembly.GetManifestResourceStream(name)!;
            using var target = File.Create(path);
            source.CopyTo(target);
        }

        return new SampleContent(root);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder left behind is harmless; the hunt's output matters more than the cleanup.
        }
        catch (UnauthorizedAccessException)
        {
            // Same as above.
        }
    }
}
