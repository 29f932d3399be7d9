using System.Text;
using Ferret.Events;
using Ferret.Testing;

namespace Ferret.Ingest.Tests;

/// <summary>Helpers to read text through the real readers, as a file on disk, and to print events.</summary>
internal static class TestInputs
{
    public static (List<Event> Events, IReadOnlyList<InputProblem> Problems) ReadText(string text, string extension = ".log", IngestOptions? options = null)
    {
        var path = WriteTemp(Encoding.UTF8.GetBytes(text), extension);
        try
        {
            return ReadPath(path, options);
        }
        finally
        {
            File.Delete(path);
        }
    }

    public static (List<Event> Events, IReadOnlyList<InputProblem> Problems) ReadPath(string path, IngestOptions? options = null)
    {
        var problems = new ProblemCollector();
        var events = InputReader.Read([path], options ?? IngestOptions.Default, problems).ToList();
        return (events, problems.Problems);
    }

    public static string WriteTemp(byte[] bytes, string extension)
    {
        var path = Path.Combine(Path.GetTempPath(), "ferret-ingest-test-" + Guid.NewGuid().ToString("N") + extension);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Fields as sorted <c>name=value</c> lines (<see cref="FieldLines"/>); the raw text fields (<c>_raw</c>,
    /// <c>*_Xml</c>) are left out.</summary>
    public static string Describe(Event e, Func<string, bool>? keep = null) =>
        FieldLines.Describe(e, name => !name.EndsWith("_Xml", StringComparison.Ordinal) && (keep is null || keep(name)));
}
