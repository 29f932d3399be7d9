using Ferret.Engine.Lookups;

namespace Ferret.Conformance.Running;

/// <summary>
/// Resolves the lookups a case uses to the CSV files in <c>tests/Ferret.Conformance/lookups</c>: a search may name
/// a table by its definition name (<c>users</c>) or its file name (<c>users.csv</c>). Tables use Splunk's default
/// matching (case-sensitive, max_matches 1000), as a lookup with no transforms.conf options does.
/// </summary>
internal sealed class LookupFolderResolver(string folder) : ILookupResolver
{
    public LookupTable? Resolve(string name)
    {
        if (name.Length == 0 || name.IndexOfAny(['/', '\\']) >= 0)
        {
            return null;
        }

        var path = Path.Combine(folder, name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? name : name + ".csv");
        return File.Exists(path) ? LookupTable.LoadCsv(path, LookupOptions.Default) : null;
    }
}
