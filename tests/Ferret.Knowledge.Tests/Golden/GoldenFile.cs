using System.Text;
using Ferret.Events;
using Ferret.Testing;

namespace Ferret.Knowledge.Tests.Golden;

/// <summary>Golden files of this project: sorted <c>name=value</c> lines, rewritten when FERRET_UPDATE_GOLDEN=1 (then review the diff).</summary>
internal static class GoldenFile
{
    public static void AssertMatches(string name, string actual)
    {
        var path = Path.Combine(SharedCorpus.RepositoryRoot, "tests", "Ferret.Knowledge.Tests", "Golden", name);
        if (Environment.GetEnvironmentVariable("FERRET_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
        }

        Assert.True(File.Exists(path), $"golden file missing: {path} (run with FERRET_UPDATE_GOLDEN=1 and review it)");
        Assert.Equal(File.ReadAllText(path), actual);
    }

    public static string Describe(Event e, Func<string, bool>? keep = null)
    {
        var builder = new StringBuilder();
        foreach (var (name, value) in e.Fields.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            if (name == FieldNames.Raw || (keep is not null && !keep(name)))
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
