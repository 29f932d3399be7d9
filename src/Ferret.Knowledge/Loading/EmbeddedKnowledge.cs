using System.Reflection;

namespace Ferret.Knowledge.Loading;

/// <summary>The knowledge files shipped inside this assembly (Data/**/*.yml, see the project file).</summary>
internal static class EmbeddedKnowledge
{
    private const string Prefix = "Ferret.Knowledge.Data.";

    public static IEnumerable<(string Name, string Text)> Files(string folder)
    {
        var assembly = typeof(EmbeddedKnowledge).Assembly;
        var prefix = Prefix + folder + "/";
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            yield return ($"Data/{folder}/{resource[prefix.Length..]}", Read(assembly, resource));
        }
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"embedded knowledge file {resource} is listed but cannot be opened");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
