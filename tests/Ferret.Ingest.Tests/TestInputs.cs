using System.Text;
using Ferret.Events;

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

    /// <summary>Fields as sorted <c>name=value</c> lines, one per value, with CR, LF and TAB written as \r \n \t;
    /// the raw text fields (<c>_raw</c>, <c>*_Xml</c>) are left out.</summary>
    public static string Describe(Event e, Func<string, bool>? keep = null)
    {
        var builder = new StringBuilder();
        foreach (var (name, value) in e.Fields.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            if (name == FieldNames.Raw || name.EndsWith("_Xml", StringComparison.Ordinal) || (keep is not null && !keep(name)))
            {
                continue;
            }

            foreach (var scalar in value.Values)
            {
                builder.Append(name).Append('=').Append(Escape(scalar.ToString())).Append('\n');
            }
        }

        return builder.ToString();
    }

    private static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal);
}
